package dev.parley.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An identity proven with a valid identifier_hash in one inbox cannot be claimed without proof in another inbox
 * of the account (one without HMAC): knowing a verified customer's identifier, email or phone number is not
 * enough to read or rename them. Refusals answer like a wrong hash and change nothing.
 */
class VerifiedIdentityIntegrationTests extends IntegrationTest {

    private static final String HMAC_FAILED = "{\"error\":\"HMAC failed: Invalid Identifier Hash Provided\"}";

    private Team team;
    private Api customer;
    private String secureContacts;
    private String openContacts;
    private String openSecret;
    private long vera;

    @BeforeEach
    void verifiedContactInASecureInbox() {
        team = fixtures.account();
        customer = anonymous();
        JsonNode secure = apiInbox("Secure", true);
        JsonNode open = apiInbox("Open", false);
        secureContacts = contactsPath(secure);
        openContacts = contactsPath(open);
        openSecret = open.get("hmac_token").asString();
        vera = customer.post(secureContacts, Map.of("name", "Vera", "identifier", "vera-7", "email", "vera@customer.test",
                "phone_number", "+4915112345678", "identifier_hash", PublicIdentity.hmac(secure.get("hmac_token").asString(), "vera-7")))
                .expect(200).json().get("id").asLong();
    }

    @Test
    void anUnprovenClaimOfAVerifiedIdentityInAnotherInboxIsRefusedAndLeaksNothing() {
        String before = contacts();
        for (Map<String, Object> claim : java.util.List.<Map<String, Object>>of(
                Map.of("identifier", "vera-7", "name", "Mallory"),
                Map.of("identifier", " vera-7 ", "name", "Mallory", "identifier_hash", ""),
                Map.of("email", "VERA@customer.test", "name", "Mallory"),
                Map.of("phone_number", "+4915112345678", "name", "Mallory"))) {
            var refused = customer.post(openContacts, claim);
            assertThat(refused.status()).as("claim %s", claim).isEqualTo(401);
            assertThat(refused.body()).isEqualTo(HMAC_FAILED);
        }
        assertThat(contacts()).isEqualTo(before);
    }

    @Test
    void anUnprovenUpdateCannotTakeAVerifiedIdentifierEmailOrPhone() {
        String mallory = customer.post(openContacts, Map.of("name", "Mallory")).expect(200).json().get("source_id").asString();
        String before = contacts();
        for (Map<String, Object> claim : java.util.List.<Map<String, Object>>of(Map.of("identifier", "vera-7"),
                Map.of("email", "vera@customer.test"), Map.of("phone_number", "+4915112345678"))) {
            var refused = customer.patch(openContacts + "/" + mallory, claim);
            assertThat(refused.status()).as("claim %s", claim).isEqualTo(401);
            assertThat(refused.body()).isEqualTo(HMAC_FAILED);
        }
        assertThat(contacts()).isEqualTo(before);
    }

    @Test
    void aValidHashInTheSecondInboxStillFindsTheVerifiedContact() {
        JsonNode proven = customer.post(openContacts, Map.of("identifier", "vera-7", "identifier_hash", PublicIdentity.hmac(openSecret, "vera-7")))
                .expect(200).json();
        assertThat(proven.get("id").asLong()).isEqualTo(vera);
        assertThat(proven.get("email").asString()).isEqualTo("vera@customer.test");
        // that session may update the contact, but not move its verified identifier without proof
        String session = openContacts + "/" + proven.get("source_id").asString();
        assertThat(customer.patch(session, Map.of("name", "Vera V.")).expect(200).json().get("name").asString()).isEqualTo("Vera V.");
        assertThat(customer.patch(session, Map.of("identifier", "someone-else")).status()).isEqualTo(401);
        assertThat(customer.patch(session, Map.of("identifier", "vera-8", "identifier_hash", PublicIdentity.hmac(openSecret, "vera-8")))
                .expect(200).json().get("identifier").asString()).isEqualTo("vera-8");
    }

    @Test
    void anIdentifierThatWasNeverVerifiedWorksWithoutAHashAsBefore() {
        JsonNode first = customer.post(openContacts, Map.of("name", "Una", "identifier", "una-1", "email", "una@customer.test")).expect(200).json();
        JsonNode again = customer.post(openContacts, Map.of("identifier", "una-1")).expect(200).json();
        assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(again.get("email").asString()).isEqualTo("una@customer.test");
        assertThat(customer.patch(openContacts + "/" + again.get("source_id").asString(), Map.of("identifier", "una-2")).expect(200)
                .json().get("identifier").asString()).isEqualTo("una-2");
        // an unverified email still collides as before (no merge, no data)
        assertThat(customer.post(openContacts, Map.of("email", "una@customer.test")).status()).isEqualTo(422);
    }

    @Test
    void onceProvenAnywhereTheIdentityStaysVerified() {
        customer.post(openContacts, Map.of("name", "Wes", "identifier", "wes-1")).expect(200);
        customer.post(openContacts, Map.of("identifier", "wes-1", "identifier_hash", PublicIdentity.hmac(openSecret, "wes-1"))).expect(200);
        assertThat(customer.post(openContacts, Map.of("identifier", "wes-1")).body()).isEqualTo(HMAC_FAILED);
    }

    private JsonNode apiInbox(String name, boolean hmacMandatory) {
        return team.admin().post(team.path("/inboxes"), Map.of("name", name, "channel", Map.of("type", "api", "hmac_mandatory", hmacMandatory)))
                .expect(200).json();
    }

    private static String contactsPath(JsonNode inbox) {
        return "/public/api/v1/inboxes/" + inbox.get("inbox_identifier").asString() + "/contacts";
    }

    private String contacts() {
        return team.agent().get(team.path("/contacts")).expect(200).body() + team.agent().get(team.path("/contacts/" + vera)).expect(200).body();
    }
}
