package dev.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The browser-facing promises (a CSP without inline scripts, nosniff, a SameSite session cookie) and the client
 * input that once answered 500: each is now a 4xx in Chatwoot's error shape, and changes nothing.
 */
class SecurityHeadersIntegrationTests extends IntegrationTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)([^>]*)>");

    @Test
    void dashboardPagesAllowOnlyTheirOwnScripts() {
        var team = fixtures.account();
        var browser = new DashboardSession(port, team.adminUser().email(), "secret123");
        for (String page : List.of("/conversations", "/conversations/folders", "/agents", "/settings", "/reports", "/webhooks", "/profile")) {
            var answer = browser.get("/app/accounts/" + team.accountId() + page, "text/html");
            if (answer.statusCode() == 404 || answer.statusCode() == 405) continue; // not every path is a page
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            String policy = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
            String scripts = directive(policy, "script-src");
            assertThat(scripts).as(page).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").contains("'nonce-");
            String nonce = scripts.replaceAll(".*'nonce-([^']+)'.*", "$1");
            var inline = INLINE_SCRIPT.matcher(answer.body());
            while (inline.find()) assertThat(inline.group(1)).as(page + " inline script").contains("nonce=\"" + nonce + "\"");
            assertThat(answer.body()).as(page).doesNotContainPattern("\\son[a-z]+=\"").doesNotContain("hx-on").doesNotContainPattern("hx-vals=['\"]js:");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        var first = browser.get("/app/accounts/" + team.accountId() + "/conversations", "text/html");
        var second = browser.get("/app/accounts/" + team.accountId() + "/conversations", "text/html");
        assertThat(first.headers().firstValue("Content-Security-Policy")).isNotEqualTo(second.headers().firstValue("Content-Security-Policy"));
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() {
        var team = fixtures.account();
        var browser = new DashboardSession(port, team.agentUser().email(), "secret123");
        String cookie = browser.signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Secure");
        assertThat(anonymous().get("/api/v1/profile").status()).isEqualTo(401); // the API sets no cookie at all
    }

    @Test
    void dashboardPagesWithoutTheRoleOrTheAccountAreHtmlErrorPages() {
        var team = fixtures.account();
        var other = fixtures.account();
        var agent = new DashboardSession(port, team.agentUser().email(), "secret123");
        var forbidden = agent.get("/app/accounts/" + team.accountId() + "/reports", "text/html");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(forbidden.body()).contains("Not allowed");
        for (String path : List.of("/app/accounts/" + other.accountId() + "/conversations", "/app/accounts/" + team.accountId() + "/conversations/987654",
                "/app/accounts/" + team.accountId() + "/conversations/not-a-number")) {
            var missing = agent.get(path, "text/html");
            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("text/html");
        }
        var asJson = agent.get("/app/accounts/" + team.accountId() + "/reports", "application/json");
        assertThat(asJson.statusCode()).isEqualTo(403);
        assertThat(team.agent().get("/api/v2/accounts/" + team.accountId() + "/reports/summary").status()).isEqualTo(401); // the API keeps JSON
    }

    @Test
    void nulAndLoneSurrogatesInJsonAreRefusedNamingTheField() {
        var team = fixtures.account();
        var contacts = team.path("/contacts");
        assertRefused(team.admin().post(contacts, Map.of("name", "Ada\u0000")), 422, "name");
        assertRefused(team.admin().sendRaw("POST", contacts, "{\"name\": \"Ada\\ud800\"}"), 422, "name");
        assertRefused(team.admin().sendRaw("POST", contacts, "{\"name\": \"Ada\\udc00 lone low\"}"), 422, "name");
        assertRefused(team.admin().post(contacts, Map.of("name", "Ada", "custom_attributes", Map.of("note", List.of("ok", "x\u0000")))), 422,
                "custom_attributes.note");
        assertRefused(team.admin().post(contacts, Map.of("name", "Ada", "custom_attributes", Map.of("k\u0000", "v"))), 422, "custom_attributes.k\u0000");
        assertRefused(team.admin().post(team.path("/labels"), Map.of("title", "x\u0000")), 422, "title");
        var inbox = fixtures.inbox(team);
        assertRefused(anonymous().post("/public/api/v1/inboxes/" + inbox.identifier() + "/contacts", Map.of("name", "\u0000")), 422, "name");
        assertThat(team.admin().get(contacts).expect(200).json().get("meta").get("count").asInt()).isZero();
        assertThat(team.admin().post(contacts, Map.of("name", "Emoji \uD83D\uDE00 pair")).status()).isEqualTo(200); // a real pair is fine
    }

    @Test
    void nulInAQueryParameterIsRefusedNamingIt() {
        var team = fixtures.account();
        assertRefused(team.admin().get(team.path("/contacts/search?q=%00")), 422, "q");
        assertRefused(team.admin().get(team.path("/conversations?status=open%00")), 422, "status");
    }

    @Test
    void pagingParametersAreBounded() {
        var team = fixtures.account();
        assertRefused(team.admin().get(team.path("/contacts?page=99999999")), 422, "page");
        assertRefused(team.admin().get(team.path("/contacts?page=99999999999999999999999")), 422, "page");
        assertRefused(team.admin().get(team.path("/conversations?page=99999999")), 422, "page");
        assertRefused(team.admin().get("/api/v1/accounts/" + team.accountId() + "/notifications?page=99999999"), 422, "page");
        assertRefused(team.admin().get(team.path("/contacts?page=-1")), 422, "page");
        assertRefused(team.admin().get(team.path("/webhooks/1/deliveries?limit=99999999")), 422, "limit");
        assertThat(team.admin().get(team.path("/contacts?page=10000")).expect(200).json().get("payload").size()).isZero();
    }

    @Test
    void extremeReportTimesAreRefused() {
        var team = fixtures.account();
        String reports = "/api/v2/accounts/" + team.accountId();
        for (String query : List.of("since=-99999999999", "until=99999999999999", "since=9223372036854775807", "until=99999999999999999999999",
                "since=1e30")) {
            var answer = team.admin().get(reports + "/reports/summary?" + query);
            assertThat(answer.status()).as(query).isBetween(400, 499);
        }
        assertRefused(team.admin().get(reports + "/reports/agents?since=0&until=99999999999999"), 422, "until");
        assertRefused(team.admin().get(reports + "/summary_reports/agent?until=-5"), 422, "until");
        var widest = team.admin().get(reports + "/reports/summary?since=0&until=32503680000"); // 1970 to 3000, and the period before
        assertThat(widest.status()).as(widest.body()).isEqualTo(200);
    }

    @Test
    void integerOverflowIsRefused() {
        var team = fixtures.account();
        assertRefused(team.admin().get(team.path("/custom_attribute_definitions?attribute_model=2147483648")), 422, "attribute_model");
        assertRefused(team.admin().post(team.path("/custom_attribute_definitions"), Map.of("attribute_display_name", "Plan", "attribute_key", "plan",
                "attribute_display_type", "text", "attribute_model", "99999999999999999999")), 422, "attribute_model");
        assertThat(team.admin().get(team.path("/custom_attribute_definitions")).expect(200).json().size()).isZero();
        assertThat(team.admin().get(team.path("/contacts/99999999999999999999")).status()).isEqualTo(404);
    }

    @Test
    void badPercentEncodingIsA400WithAJsonBody() {
        var team = fixtures.account();
        for (String target : List.of(team.path("/contacts/search?q=%E0%A4%A"), team.path("/contacts?page=%"), "/public/api/v1/inboxes/x/contacts/y?q=%zz",
                "/app/login?next=%E0%A4%A")) {
            var answer = RawHttp.get(port, target, team.adminUser().token());
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.head()).as(target).containsIgnoringCase("Content-Type: application/json");
            assertThat(answer.body()).as(target).contains("\"error\"");
        }
    }

    @Test
    void nulInAPathIsA4xx() {
        var team = fixtures.account();
        for (String target : List.of(team.path("/contacts/%00"), team.path("/contacts/1%00"), "/public/api/v1/inboxes/x%00/contacts/y",
                "/app/accounts/" + team.accountId() + "/conversations/%00")) {
            assertThat(RawHttp.get(port, target, team.adminUser().token()).status()).as(target).isBetween(400, 499);
        }
    }

    @Test
    void dashboardFiltersOfTheWrongTypeAreAnHtml400() {
        var team = fixtures.account();
        var admin = new DashboardSession(port, team.adminUser().email(), "secret123");
        var answer = admin.get("/app/accounts/" + team.accountId() + "/conversations?inbox=99999999999999999999", "text/html");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    }

    @Test
    void aDashboardFormWithANulIsRefusedAndChangesNothing() {
        var team = fixtures.account();
        var admin = new DashboardSession(port, team.adminUser().email(), "secret123");
        String settings = "/app/accounts/" + team.accountId() + "/settings";
        var answer = admin.post(settings, settings + "/labels", "title=billing&description=due%00date&color=%231f93ff");
        assertThat(answer.statusCode()).isEqualTo(302); // back to the form, the reason in the page's alert
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith(settings);
        assertThat(team.admin().get(team.path("/labels")).expect(200).json().get("payload").size()).isZero();
    }

    @Test
    void identifiersHaveAMaximumLength() {
        var team = fixtures.account();
        var inbox = fixtures.inbox(team);
        String huge = "s".repeat(1_000_000);
        assertRefused(anonymous().post("/public/api/v1/inboxes/" + inbox.identifier() + "/contacts", Map.of("source_id", huge)), 422, "source_id");
        assertRefused(team.admin().post(team.path("/contacts"), Map.of("name", "Ada", "inbox_id", inbox.id(), "source_id", huge)), 422, "source_id");
        assertRefused(team.admin().post(team.path("/contacts"), Map.of("name", "Ada", "identifier", "i".repeat(256))), 422, "identifier");
        assertRefused(team.admin().post(team.path("/contacts"), Map.of("name", "Ada", "email", "a".repeat(300) + "@example.com")), 422, "email");
        assertRefused(team.admin().post(team.path("/contacts"), Map.of("name", "n".repeat(256))), 422, "name");
        assertThat(team.admin().get(team.path("/contacts")).expect(200).json().get("meta").get("count").asInt()).isZero();
    }

    @Test
    void csvReportsNeutraliseFormulas() {
        var team = fixtures.account();
        team.admin().post(team.path("/teams"), Map.of("name", "=HYPERLINK(\"http://evil.test\")")).expect(200);
        team.admin().post(team.path("/teams"), Map.of("name", "-2+3")).expect(200);
        team.admin().post(team.path("/teams"), Map.of("name", "Plain team")).expect(200);
        String csv = team.admin().get("/api/v2/accounts/" + team.accountId() + "/reports/teams").expect(200).body();
        assertThat(csv).contains("\"'=hyperlink(\"\"http://evil.test\"\")\"", "\"'-2+3\"", "\"plain team\"").doesNotContain("\"=hyp"); // team names are lower case
        long agent = platform().post("/platform/api/v1/users", Map.of("name", "@SUM(1+1)", "email", "formula." + team.accountId() + "@parley.test",
                "password", "secret123")).expect(200).json().get("id").asLong();
        platform().post("/platform/api/v1/accounts/" + team.accountId() + "/account_users", Map.of("user_id", agent, "role", "agent")).expect(200);
        String agents = team.admin().get("/api/v2/accounts/" + team.accountId() + "/reports/agents").expect(200).body();
        assertThat(agents).contains("\"'@SUM(1+1)\"");
        var browser = new DashboardSession(port, team.adminUser().email(), "secret123");
        assertThat(browser.get("/app/accounts/" + team.accountId() + "/reports/agents.csv", "text/csv").body()).contains("\"'@SUM(1+1)\"");
    }

    private static String directive(String policy, String name) {
        for (String part : policy.split(";")) {
            if (part.trim().startsWith(name + " ")) return part.trim();
        }
        throw new AssertionError("no " + name + " in " + policy);
    }

    private static void assertRefused(Api.Response answer, int status, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        var body = answer.json();
        assertThat(body.get("attributes").get(0).asString()).isEqualTo(field);
        assertThat(body.get("message").asString()).isNotBlank();
        var errors = new HashMap<String, Object>();
        body.get("errors").properties().forEach(e -> errors.put(e.getKey(), e.getValue()));
        assertThat(errors).containsKey(field);
    }

}
