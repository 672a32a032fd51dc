package dev.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Tenant isolation over the whole OpenAPI document: account B's administrator replays every operation
 * that names an account or a resource against account A, three ways: A's account path with A's ids,
 * A's account path with B's ids (both 401, the same answer whether the account exists or not), and
 * B's own account path with A's resource ids (404 when the id is in the path; any client answer when
 * it is only in the body). The public client API is replayed with A's inbox and B's contact, B's inbox
 * and A's contact, and A's conversation number under B's contact (404). Across all of it: no answer
 * carries anything only A has (its marker, emails, tokens, HMAC secret), A's data is unchanged, and no
 * row of B points at A's inboxes, contacts, teams, conversations or people.
 *
 * <p>The platform API is left out: its token is the installation's and owns every account by design.
 * Resetting one's own access token names no account and would only cut B off.
 */
class CrossAccountIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    record Case(String name, ApiOperation op, String target, byte[] body, Set<Integer> expected) {
    }

    @Test
    void anotherAccountsAdministratorNeverSeesNorChangesAnythingOfTheAccount() {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        SecurityWorld a = SecurityWorld.build(fixtures, "ALPHA" + run, 3);
        SecurityWorld b = SecurityWorld.build(fixtures, "BRAVO" + run, 0);
        List<String> secrets = a.secrets();
        var operations = ApiOperation.all(anonymous().get("/v3/api-docs").expect(200).json());
        var snapshot = new DataSnapshot(jdbc, List.of(a.team().accountId()), false);
        Map<String, String> before = quiet(snapshot);

        var http = new HostileClient(port);
        var failures = new ArrayList<String>();
        int sent = 0;
        for (ApiOperation op : operations) {
            for (Case c : cases(op, a, b)) {
                var headers = new LinkedHashMap<String, String>();
                if (!op.api().equals("public")) headers.put("api_access_token", b.team().adminUser().token());
                if (c.body() != null) headers.put("Content-Type", "application/json");
                HostileClient.Answer answer = http.send(op.method(), c.target(), headers, c.body());
                sent++;
                String problem = problem(c, answer, secrets);
                if (problem != null) failures.add(op + " [" + c.name() + "] " + c.target() + " -> " + answer.status() + ": " + problem
                        + " | " + Probe.snippet(answer.body(), 200));
            }
        }
        System.out.println("CrossAccountIntegrationTests: " + sent + " requests over " + operations.size() + " operations, "
                + failures.size() + " failures" + (failures.isEmpty() ? "" : ":\n  " + String.join("\n  ", failures)));

        assertThat(sent).isGreaterThan(200);
        assertThat(failures).isEmpty();
        // assignment's safety-net sweep (every 60 s) records a decision for each waiting conversation of every account
        // on its own; anything B could do to A's conversations would show in A's other tables
        assertThat(DataSnapshot.differences(before, quiet(snapshot))).as("tables of A changed by B's requests")
                .filteredOn(table -> !table.equals("assignment_decisions")).isEmpty();
        assertThat(new CrossReferences(jdbc).of(b.team().accountId(), a.team().accountId(),
                List.of(a.team().adminUser().id(), a.team().agentUser().id(), a.spare().id()))).as("rows of B pointing at A").isEmpty();
    }

    private static String problem(Case c, HostileClient.Answer answer, List<String> secrets) {
        for (String secret : secrets) if (answer.body().contains(secret)) return "answer carries A's " + (secret.equals(secrets.get(0)) ? "marker" : "secret");
        if (answer.status() >= 500 || answer.status() == 0) return "server error";
        if (!c.expected().isEmpty() && !c.expected().contains(answer.status())) return "expected one of " + c.expected();
        if (answer.status() == 401 || answer.status() == 404) {
            JsonNode json = ExampleValues.JSON.readTree(answer.body());
            if (!json.isObject() || json.size() != 1 || !json.has("error")) return "not Chatwoot's {\"error\": ...} shape";
        }
        return null;
    }

    private List<Case> cases(ApiOperation op, SecurityWorld a, SecurityWorld b) {
        var cases = new ArrayList<Case>();
        var names = op.pathParams().stream().map(ApiOperation.Param::name).toList();
        boolean namesResource = names.stream().anyMatch(n -> !Set.of("accountId", "type", "plural").contains(n));
        if (op.api().equals("public")) {
            if (!names.contains("sourceId")) return cases;
            SecurityWorld aInboxBContact = b.withIds(Map.of("inboxIdentifier", a.string("inboxIdentifier")));
            SecurityWorld bInboxAContact = b.withIds(Map.of("sourceId", a.string("sourceId")));
            cases.add(request("A's inbox, B's contact", op, aInboxBContact, Set.of(401, 404)));
            cases.add(request("B's inbox, A's contact", op, bInboxAContact, Set.of(401, 404)));
            if (names.contains("displayId")) cases.add(request("A's conversation number under B's contact", op,
                    b.withIds(Map.of("conversation", a.id("conversation"))), Set.of(404)));
            return cases;
        }
        if (op.api().equals("platform") || op.path().endsWith("/reset_access_token")) return cases;
        if (names.contains("accountId")) {
            cases.add(request("A's path, A's ids", op, a, Set.of(401)));
            cases.add(request("A's path, B's ids", op, b.withIds(Map.of("account", a.id("account"))), Set.of(401)));
            if (namesResource || op.takesBody() || !op.queryParams().isEmpty()) {
                var aIdsInB = new HashMap<String, Object>(a.ids());
                aIdsInB.put("account", b.id("account"));
                cases.add(request("B's path, A's ids", op, a.withIds(aIdsInB), namesResource ? Set.of(404) : Set.of()));
            }
        } else if (op.takesBody()) {
            // the caller's own profile: naming A's account in the body must find nothing
            cases.add(request("A's account in the body", op, b.withIds(Map.of("account", a.id("account"))),
                    op.path().equals("/api/v1/profile") ? Set.of() : Set.of(401, 404)));
        }
        return cases;
    }

    private Case request(String name, ApiOperation op, SecurityWorld world, Set<Integer> expected) {
        var examples = new ExampleValues(world);
        String path = op.path();
        for (var p : op.pathParams()) path = path.replace("{" + p.name() + "}", examples.path(op, p.name()));
        var query = new StringBuilder();
        for (var q : op.queryParams()) {
            query.append(query.isEmpty() ? "?" : "&").append(q.name()).append('=')
                    .append(java.net.URLEncoder.encode(examples.query(q.name()), StandardCharsets.UTF_8));
        }
        JsonNode body = examples.body(op);
        return new Case(name, op, path + query, body == null ? null : ExampleValues.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8), expected);
    }

    /** A's data once background work (listeners, timers) has stopped moving it. */
    private static Map<String, String> quiet(DataSnapshot snapshot) {
        Map<String, String> last = snapshot.take();
        for (int i = 0; i < 30; i++) {
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Map<String, String> next = snapshot.take();
            if (next.equals(last)) return next;
            last = next;
        }
        throw new AssertionError("A's data never settled");
    }
}
