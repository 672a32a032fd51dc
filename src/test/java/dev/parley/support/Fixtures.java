package dev.parley.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Builds the world a test needs through the public HTTP APIs, the way an installation would: an
 * account with an administrator and an agent, an API inbox, customers writing through the public API.
 */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final int port;
    private final Api platform;

    public Fixtures(int port) {
        this.port = port;
        this.platform = new Api(port, IntegrationTest.PLATFORM_TOKEN);
    }

    /** An account with one administrator and one agent. */
    public Team account() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long accountId = platform.post("/platform/api/v1/accounts", Map.of("name", "Acme " + suffix)).expect(200).json().get("id").asLong();
        User admin = user("Ada Admin", accountId, "administrator");
        User agent = user("Alan Agent", accountId, "agent");
        return new Team(accountId, admin, agent, new Api(port, admin.token()), new Api(port, agent.token()));
    }

    public User user(String name, long accountId, String role) {
        String email = name.toLowerCase().replace(' ', '.') + "." + SEQUENCE.incrementAndGet() + "." + UUID.randomUUID().toString().substring(0, 6) + "@parley.test";
        JsonNode user = platform.post("/platform/api/v1/users", Map.of("name", name, "email", email, "password", "secret123"))
                .expect(200).json();
        platform.post("/platform/api/v1/accounts/" + accountId + "/account_users",
                Map.of("user_id", user.get("id").asLong(), "role", role)).expect(200);
        return new User(user.get("id").asLong(), name, email, user.get("access_token").asString());
    }

    /** An API inbox of the account with the given members. */
    public Inbox inbox(Team team, User... members) {
        JsonNode inbox = team.admin().post("/api/v1/accounts/" + team.accountId() + "/inboxes",
                Map.of("name", "Website", "channel", Map.of("type", "api"))).expect(200).json();
        long id = inbox.get("id").asLong();
        if (members.length > 0) {
            team.admin().post("/api/v1/accounts/" + team.accountId() + "/inbox_members",
                    Map.of("inbox_id", id, "user_ids", List.of(java.util.Arrays.stream(members).map(User::id).toArray()))).expect(200);
        }
        return new Inbox(id, inbox.get("inbox_identifier").asString());
    }

    /** A customer known to the inbox, as the public client API creates one. */
    public Customer customer(Inbox inbox, String name) {
        JsonNode contact = new Api(port, null).post("/public/api/v1/inboxes/" + inbox.identifier() + "/contacts",
                Map.of("name", name, "email", name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 6) + "@customer.test"))
                .expect(200).json();
        return new Customer(contact.get("id").asLong(), contact.get("source_id").asString(), inbox);
    }

    /** The customer opens a conversation and writes a first message; returns its display id. */
    public long conversation(Customer customer, String firstMessage) {
        Api publicApi = new Api(port, null);
        long displayId = publicApi.post(customer.conversationsPath(), Map.of()).expect(200).json().get("id").asLong();
        publicApi.post(customer.conversationsPath() + "/" + displayId + "/messages", Map.of("content", firstMessage)).expect(200);
        return displayId;
    }

    public record User(long id, String name, String email, String token) {
    }

    public record Team(long accountId, User adminUser, User agentUser, Api admin, Api agent) {
        public String path(String rest) {
            return "/api/v1/accounts/" + accountId + rest;
        }
    }

    public record Inbox(long id, String identifier) {
    }

    public record Customer(long contactId, String sourceId, Inbox inbox) {
        public String conversationsPath() {
            return "/public/api/v1/inboxes/" + inbox.identifier() + "/contacts/" + sourceId + "/conversations";
        }
    }
}
