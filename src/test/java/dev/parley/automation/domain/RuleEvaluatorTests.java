package dev.parley.automation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Condition semantics without a database: every operator, every attribute family, NULLs, case, precedence. */
class RuleEvaluatorTests {

    static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    /** A builder over a default snapshot: open, unassigned conversation of a contact with an email. */
    static final class S {
        String status = "open";
        String priority;
        Long assignee;
        Long team;
        Long inbox = 3L;
        Set<String> labels = Set.of();
        Map<String, Object> convAttrs = new HashMap<>();
        Map<String, Object> convCustom = new HashMap<>();
        String email = "Ann@Example.com";
        String phone = "+4915112345678";
        Map<String, Object> contactAttrs = new HashMap<>(Map.of("city", "Berlin", "country_code", "DE"));
        Map<String, Object> contactCustom = new HashMap<>();
        List<MessageFacts> messages = new ArrayList<>(List.of(new MessageFacts("incoming", "My INVOICE is wrong")));
        Map<String, List<Object>> changes = new HashMap<>();
        Map<String, Map<String, String>> types = new HashMap<>(Map.of(
                "plan", Map.of("conversation_attribute", "text"),
                "seats", Map.of("contact_attribute", "number"),
                "renewal", Map.of("conversation_attribute", "date"),
                "tier", Map.of("contact_attribute", "list", "conversation_attribute", "text")));

        Snapshot build() {
            return new Snapshot(status, priority, assignee, team, inbox, labels, convAttrs, convCustom, email, phone, contactAttrs,
                    contactCustom, messages, changes, types, TODAY);
        }
    }

    static Map<String, Object> c(String key, String op, Object values) {
        var m = new HashMap<String, Object>();
        m.put("attribute_key", key);
        m.put("filter_operator", op);
        m.put("values", values);
        return m;
    }

    static Map<String, Object> c(String key, String op, Object values, String queryOperator) {
        var m = c(key, op, values);
        m.put("query_operator", queryOperator);
        return m;
    }

    @SafeVarargs
    static boolean matches(S s, Map<String, Object>... conditions) {
        return evaluate(s, conditions).matched();
    }

    @SafeVarargs
    static Evaluation evaluate(S s, Map<String, Object>... conditions) {
        return RuleEvaluator.evaluate(RuleDefinition.conditions(List.of(conditions)), s.build());
    }

    @Test
    void noConditionsAlwaysMatch() {
        assertThat(RuleEvaluator.evaluate(List.of(), new S().build()).matched()).isTrue();
    }

    @Test
    void statusEqualsAndNotEquals() {
        S s = new S();
        s.status = "resolved";
        assertThat(matches(s, c("status", "equal_to", List.of("resolved")))).isTrue();
        assertThat(matches(s, c("status", "equal_to", List.of(1)))).as("Chatwoot's enum number").isTrue();
        assertThat(matches(s, c("status", "not_equal_to", List.of("open", "pending")))).isTrue();
        assertThat(matches(s, c("status", "equal_to", List.of("open", "pending")))).isFalse();
    }

    @Test
    void idsCompareAsNumbersAndNullNeverEqualsOrDiffers() {
        S s = new S();
        assertThat(matches(s, c("inbox_id", "equal_to", List.of("3")))).isTrue();
        assertThat(matches(s, c("assignee_id", "not_equal_to", List.of(5)))).as("NULL: not_equal_to is false").isFalse();
        assertThat(matches(s, c("assignee_id", "equal_to", List.of(5)))).isFalse();
        assertThat(matches(s, c("assignee_id", "is_not_present", List.of()))).isTrue();
        s.assignee = 5L;
        assertThat(matches(s, c("assignee_id", "equal_to", List.of(5)))).isTrue();
        assertThat(matches(s, c("assignee_id", "is_present", List.of()))).isTrue();
        assertThat(matches(s, c("team_id", "is_present", List.of()))).isFalse();
    }

    @Test
    void priorityWithNoneMeansNoPriority() {
        S s = new S();
        assertThat(matches(s, c("priority", "equal_to", List.of("high")))).isFalse();
        assertThat(matches(s, c("priority", "not_equal_to", List.of("high")))).as("NULL semantics").isFalse();
        assertThat(matches(s, c("priority", "equal_to", List.of("nil")))).isTrue();
        s.priority = "high";
        assertThat(matches(s, c("priority", "equal_to", List.of("nil")))).isFalse();
        assertThat(matches(s, c("priority", "not_equal_to", List.of("nil")))).isTrue();
        assertThat(matches(s, c("priority", "equal_to", List.of(2)))).isTrue();
    }

    @Test
    void textEqualityIsExactButContainsIgnoresCase() {
        S s = new S();
        s.convAttrs.put("browser_language", "en");
        s.convAttrs.put("mail_subject", "Invoice #42");
        assertThat(matches(s, c("browser_language", "equal_to", List.of("en")))).isTrue();
        assertThat(matches(s, c("browser_language", "equal_to", List.of("EN")))).as("case-sensitive like Chatwoot").isFalse();
        assertThat(matches(s, c("mail_subject", "contains", List.of("invoice")))).isTrue();
        assertThat(matches(s, c("mail_subject", "does_not_contain", List.of("refund", "cancel")))).isTrue();
        assertThat(matches(s, c("mail_subject", "does_not_contain", List.of("refund", "INVOICE")))).isFalse();
        assertThat(matches(s, c("referer", "contains", List.of("x")))).as("NULL: contains false").isFalse();
        assertThat(matches(s, c("referer", "does_not_contain", List.of("x")))).as("NULL: does_not_contain false").isFalse();
    }

    @Test
    void contactAttributesDeclaredCaseInsensitiveCompareSo() {
        S s = new S();
        assertThat(matches(s, c("email", "equal_to", List.of("ann@example.com")))).isTrue();
        assertThat(matches(s, c("country_code", "equal_to", List.of("de")))).isTrue();
        assertThat(matches(s, c("city", "contains", List.of("BERL")))).isTrue();
        assertThat(matches(s, c("company", "equal_to", List.of("Acme")))).as("no company: NULL").isFalse();
        s.email = null;
        assertThat(matches(s, c("email", "does_not_contain", List.of("spam")))).as("no email: NULL").isFalse();
    }

    @Test
    void phoneStartsWith() {
        S s = new S();
        assertThat(matches(s, c("phone_number", "starts_with", List.of("+49")))).isTrue();
        assertThat(matches(s, c("phone_number", "starts_with", List.of("+1")))).isFalse();
    }

    @Test
    void messageConditionsLookAtAnyMessageInScope() {
        S s = new S();
        s.messages.add(new MessageFacts("outgoing", "We will fix it"));
        assertThat(matches(s, c("content", "contains", List.of("invoice")))).isTrue();
        assertThat(matches(s, c("content", "equal_to", List.of("my invoice is wrong")))).as("whole content, any case").isTrue();
        assertThat(matches(s, c("message_type", "equal_to", List.of("outgoing")))).isTrue();
        assertThat(matches(s, c("message_type", "equal_to", List.of(0)))).isTrue();
        s.messages.clear();
        assertThat(matches(s, c("content", "contains", List.of("invoice")))).isFalse();
    }

    @Test
    void privateNoteAsksWhetherTheMessageIsANote() {
        S s = new S();
        assertThat(matches(s, c("private_note", "equal_to", List.of(true)))).isFalse();
        assertThat(matches(s, c("private_note", "equal_to", List.of(false)))).isTrue();
        assertThat(matches(s, c("private_note", "not_equal_to", List.of("true")))).as("values as the builder sends them").isTrue();
        s.messages.set(0, new MessageFacts("outgoing", "checking with billing", true));
        assertThat(matches(s, c("private_note", "equal_to", List.of("true")))).isTrue();
        assertThat(matches(s, c("private_note", "equal_to", List.of("maybe")))).as("no boolean, no match").isFalse();
        assertThat(RuleDefinition.check("message_created", List.of(c("private_note", "contains", List.of(true))), List.of(), Map.of()))
                .containsKey("conditions");
        assertThat(RuleDefinition.check("message_created", List.of(c("private_note", "equal_to", List.of(true))), List.of(), Map.of()))
                .isEmpty();
    }

    /**
     * Chatwoot compares {@code messages.private} in SQL over the conversation's messages (the event's message on
     * message_created): with no message the column is NULL, so neither equal_to nor not_equal_to holds; otherwise any
     * message in scope may satisfy it.
     */
    @Test
    void privateNoteWithoutAMessageHoldsNeitherWayAndOtherwiseAnyMessageCounts() {
        S s = new S();
        s.messages.clear();
        assertThat(matches(s, c("private_note", "equal_to", List.of(true)))).isFalse();
        assertThat(matches(s, c("private_note", "not_equal_to", List.of(true)))).isFalse();
        s.messages.add(new MessageFacts("incoming", "hello", false));
        s.messages.add(new MessageFacts("outgoing", "internal", true));
        assertThat(matches(s, c("private_note", "equal_to", List.of(true)))).isTrue();
        assertThat(matches(s, c("private_note", "not_equal_to", List.of(true)))).isTrue();
    }

    @Test
    void labelsAreSetConditions() {
        S s = new S();
        s.labels = Set.of("billing", "vip");
        assertThat(matches(s, c("labels", "equal_to", List.of("refund", "vip")))).as("has any of").isTrue();
        assertThat(matches(s, c("labels", "not_equal_to", List.of("refund")))).as("has none of").isTrue();
        assertThat(matches(s, c("labels", "not_equal_to", List.of("vip")))).isFalse();
        assertThat(matches(s, c("labels", "equal_to", List.of("billing"), "AND"), c("labels", "equal_to", List.of("vip"))))
                .as("two label conditions joined by AND can both hold").isTrue();
        assertThat(matches(s, c("labels", "is_present", List.of()))).isTrue();
        s.labels = Set.of();
        assertThat(matches(s, c("labels", "is_not_present", List.of()))).isTrue();
        assertThat(matches(s, c("labels", "not_equal_to", List.of("vip")))).as("no labels: has none of them").isTrue();
    }

    @Test
    void andBindsTighterThanOr() {
        S s = new S(); // status open, no assignee, inbox 3
        // a OR b AND c: true OR (false AND false) = true
        assertThat(matches(s, c("status", "equal_to", List.of("open"), "OR"), c("inbox_id", "equal_to", List.of(9), "and"),
                c("assignee_id", "is_present", List.of()))).isTrue();
        // a AND b OR c: (true AND false) OR false = false
        assertThat(matches(s, c("status", "equal_to", List.of("open"), "AND"), c("inbox_id", "equal_to", List.of(9), "OR"),
                c("assignee_id", "is_present", List.of()))).isFalse();
        // a AND b OR c: (false AND ...) OR true = true
        assertThat(matches(s, c("status", "equal_to", List.of("resolved"), "AND"), c("inbox_id", "equal_to", List.of(3), "or"),
                c("assignee_id", "is_not_present", List.of()))).isTrue();
    }

    @Test
    void attributeChangedLooksAtTheEventsChangeMap() {
        S s = new S();
        s.changes.put("status", List.of("open", "resolved"));
        var changed = c("status", "attribute_changed", Map.of("from", List.of("open", "pending"), "to", List.of("resolved")));
        assertThat(matches(s, changed)).isTrue();
        var wrongTarget = c("status", "attribute_changed", Map.of("from", List.of("open"), "to", List.of("snoozed")));
        assertThat(matches(s, wrongTarget)).isFalse();
        s.changes.clear();
        assertThat(matches(s, changed)).as("no change of status in this event").isFalse();
        s.changes.put("label_list", List.of(List.of(), List.of("vip")));
        assertThat(evaluate(s, c("labels", "attribute_changed", Map.of())).matched()).isTrue();
    }

    @Test
    void customAttributesOfConversationAndContact() {
        S s = new S();
        s.convCustom.put("plan", "Enterprise");
        s.contactCustom.put("seats", 12);
        s.convCustom.put("renewal", "2026-10-01");
        assertThat(matches(s, cc("plan", "equal_to", List.of("enterprise"), "conversation_attribute"))).isTrue();
        assertThat(matches(s, cc("seats", "is_greater_than", List.of(10), "contact_attribute"))).isTrue();
        assertThat(matches(s, cc("seats", "is_less_than", List.of("10"), "contact_attribute"))).isFalse();
        assertThat(matches(s, cc("seats", "equal_to", List.of("12"), "contact_attribute"))).isTrue();
        assertThat(matches(s, cc("renewal", "is_less_than", List.of("2026-11-01"), "conversation_attribute"))).isTrue();
        assertThat(matches(s, cc("renewal", "days_before", List.of(30), "conversation_attribute"))).as("before 2026-10-24").isTrue();
        assertThat(matches(s, cc("renewal", "days_before", List.of(60), "conversation_attribute"))).isFalse();
        assertThat(matches(s, cc("tier", "not_equal_to", List.of("gold"), "contact_attribute"))).as("custom not_equal_to includes NULL").isTrue();
        assertThat(matches(s, cc("plan", "is_not_present", List.of(), ""))).isFalse();
        s.convCustom.put("plan", "  ");
        assertThat(matches(s, cc("plan", "is_present", List.of(), "conversation_attribute"))).as("blank is not present").isFalse();
    }

    @Test
    void explanationsCarryTheValueSeen() {
        S s = new S();
        s.status = "resolved";
        var e = evaluate(s, c("status", "equal_to", List.of("resolved"), "AND"), c("assignee_id", "is_present", List.of()));
        assertThat(e.matched()).isFalse();
        assertThat(e.conditions()).extracting(ConditionResult::seen, ConditionResult::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("resolved", true), org.assertj.core.groups.Tuple.tuple(null, false));
    }

    @Test
    void aDeletedCustomAttributeMakesTheRuleInvalidNotAMatch() {
        S s = new S();
        var e = evaluate(s, cc("gone", "equal_to", List.of("x"), "conversation_attribute"));
        assertThat(e.matched()).isFalse();
        assertThat(e.invalid()).contains("gone");
    }

    @Test
    void validationNamesEveryOffendingKey() {
        var errors = RuleDefinition.check("conversation_exploded",
                List.of(c("statuz", "equal_to", List.of("x"), null), c("status", "smells_like", List.of("x"), "XOR"),
                        c("status", "contains", List.of("x"), null)),
                List.of(Map.of("action_name", "launch_rocket", "action_params", List.of()),
                        Map.of("action_name", "send_attachment", "action_params", List.of("x"))),
                Map.of());
        assertThat(errors.get("event_name")).singleElement().asString().contains("conversation_exploded");
        assertThat(String.join(" ", errors.get("conditions"))).contains("statuz", "smells_like", "contains (for status)",
                "should have query operator", "Query operator must be either");
        assertThat(String.join(" ", errors.get("actions"))).contains("launch_rocket", "send_attachment needs the blob_id");
    }

    static Map<String, Object> cc(String key, String op, Object values, String model) {
        var m = c(key, op, values);
        m.put("custom_attribute_type", model);
        return m;
    }
}
