package dev.parley.automation.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Evaluates a rule's conditions in memory against one {@link Snapshot}, with Chatwoot's semantics
 * (AND binds tighter than OR; a missing value makes equal_to, not_equal_to, contains and
 * does_not_contain false) and Parley's fixes: label conditions are set conditions ("has any of" /
 * "has none of"), text attributes Chatwoot declares case-insensitive compare so, blank counts as not
 * present, and attribute_changed is an ordinary condition in the chain. Pure: no I/O, no clock.
 */
public final class RuleEvaluator {

    private static final List<String> STATUSES = List.of("open", "resolved", "pending", "snoozed");
    private static final List<String> PRIORITIES = List.of("low", "medium", "high", "urgent");
    private static final List<String> MESSAGE_TYPES = List.of("incoming", "outgoing", "activity", "template");

    private RuleEvaluator() {
    }

    public static Evaluation evaluate(List<Condition> conditions, Snapshot snapshot) {
        List<ConditionResult> results = new ArrayList<>(conditions.size());
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            String invalid = invalidReason(c, snapshot);
            if (invalid != null) return new Evaluation(false, results, invalid);
            results.add(evaluate(i, c, snapshot));
        }
        return new Evaluation(combine(conditions, results), results, null);
    }

    /** OR of AND-groups: each condition's query operator joins it to the next. No conditions match always. */
    static boolean combine(List<Condition> conditions, List<ConditionResult> results) {
        if (conditions.isEmpty()) return true;
        boolean group = true;
        for (int i = 0; i < conditions.size(); i++) {
            group = group && results.get(i).result();
            boolean last = i == conditions.size() - 1;
            if (last || conditions.get(i).joinsNextWithOr()) {
                if (group) return true;
                group = true;
            }
        }
        return false;
    }

    /** Null when the condition can be evaluated; otherwise why not (e.g. its custom attribute was deleted). */
    public static String invalidReason(Condition c, Snapshot s) {
        if (c.queryOperator() != null && !c.queryOperator().isBlank()
                && !c.queryOperator().equalsIgnoreCase("and") && !c.queryOperator().equalsIgnoreCase("or")) {
            return "query operator " + c.queryOperator() + " is not AND or OR";
        }
        Attribute standard = Attribute.byKey(c.attributeKey());
        if (standard != null) {
            return standard.accepts(c.operator()) ? null : "operator " + c.operator() + " is not supported for " + c.attributeKey();
        }
        String type = customType(c, s);
        if (type == null) return "attribute " + c.attributeKey() + " is not a known attribute or custom attribute";
        List<String> allowed = Attribute.CUSTOM_OPERATORS.getOrDefault(type, List.of());
        return allowed.contains(c.operator()) ? null : "operator " + c.operator() + " is not supported for " + type + " attribute " + c.attributeKey();
    }

    static ConditionResult evaluate(int index, Condition c, Snapshot s) {
        if ("attribute_changed".equals(c.operator())) return changed(index, c, s);
        Attribute standard = Attribute.byKey(c.attributeKey());
        if (standard != null && standard.kind() == Attribute.Kind.TIME) {
            // a time condition is its rule's timer: the rule is evaluated only when the timer is due and its episode still holds
            return result(index, c, null, true, "held for " + TimeCondition.describe(c) + " (the timer checks it when due)");
        }
        if (standard == Attribute.LABELS) return labels(index, c, s.labels());
        if (standard != null && standard.ofMessage()) return anyMessage(index, c, standard, s);
        if (standard == Attribute.PRIORITY && mentionsNone(c)) return priorityNone(index, c, s);
        if (standard != null) {
            Object seen = standardValue(standard, s);
            return result(index, c, seen, compare(c, seen, standard.kind(), null, s.today()));
        }
        String type = customType(c, s);
        Object seen = customValue(c, s, type);
        return result(index, c, seen, compare(c, seen, Attribute.Kind.TEXT_ANY_CASE, type, s.today()));
    }

    /** The UI's "None" priority is the value "nil": Parley makes it mean "has no priority" (Chatwoot never matches it). */
    private static boolean mentionsNone(Condition c) {
        return c.values() != null && c.values().stream().anyMatch(v -> v == null || "nil".equals(String.valueOf(v)))
                && ("equal_to".equals(c.operator()) || "not_equal_to".equals(c.operator()));
    }

    private static ConditionResult priorityNone(int index, Condition c, Snapshot s) {
        boolean isAny = s.priority() == null
                || c.values().stream().anyMatch(v -> v != null && same(v, s.priority(), Attribute.Kind.ENUM));
        return result(index, c, s.priority(), "equal_to".equals(c.operator()) == isAny);
    }

    private static Object standardValue(Attribute a, Snapshot s) {
        return switch (a) {
            case STATUS -> s.status();
            case PRIORITY -> s.priority();
            case ASSIGNEE_ID -> s.assigneeId();
            case TEAM_ID -> s.teamId();
            case INBOX_ID -> s.inboxId();
            case BROWSER_LANGUAGE, CONVERSATION_LANGUAGE, REFERER, MAIL_SUBJECT -> s.conversationAttributes().get(a.key());
            case EMAIL -> s.contactEmail();
            case PHONE_NUMBER -> s.contactPhone();
            case COUNTRY_CODE, CITY, COMPANY -> s.contactAttributes().get(a.key());
            default -> null;
        };
    }

    private static ConditionResult anyMessage(int index, Condition c, Attribute a, Snapshot s) {
        if (s.messages().isEmpty()) return result(index, c, null, compare(c, null, a.kind(), null, s.today()), "no message in scope");
        for (MessageFacts m : s.messages()) {
            Object seen = messageValue(a, m);
            if (compare(c, seen, a.kind(), null, s.today())) return result(index, c, seen, true);
        }
        MessageFacts last = s.messages().get(s.messages().size() - 1);
        return result(index, c, messageValue(a, last), false,
                s.messages().size() == 1 ? null : "no message of " + s.messages().size() + " matched");
    }

    private static Object messageValue(Attribute a, MessageFacts m) {
        return switch (a) {
            case CONTENT -> m.content();
            case PRIVATE_NOTE -> m.privateNote();
            default -> m.messageType();
        };
    }

    /** A condition value as a boolean the way Chatwoot's clients send it (true, "true", "1"...); null if it is none. */
    public static Boolean bool(Object value) {
        if (value instanceof Boolean b) return b;
        if (value == null) return null;
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "t", "yes" -> true;
            case "false", "0", "f", "no" -> false;
            default -> null;
        };
    }

    private static ConditionResult labels(int index, Condition c, Set<String> labels) {
        boolean any = false;
        if (c.values() != null) {
            for (Object v : c.values()) {
                if (v != null && labels.contains(v.toString().trim().toLowerCase(Locale.ROOT))) {
                    any = true;
                    break;
                }
            }
        }
        boolean result = switch (c.operator()) {
            case "equal_to" -> any;
            case "not_equal_to" -> !any;
            case "is_present" -> !labels.isEmpty();
            case "is_not_present" -> labels.isEmpty();
            default -> false;
        };
        return result(index, c, labels, result);
    }

    private static ConditionResult changed(int index, Condition c, Snapshot s) {
        Attribute a = Attribute.byKey(c.attributeKey());
        String key = a == null ? c.attributeKey() : a.changeKey();
        List<Object> change = s.changes() == null ? null : s.changes().get(key);
        if (change == null) return result(index, c, null, false, "did not change in this event");
        Object before = change.get(0);
        Object after = change.get(1);
        boolean from = c.changedFrom() == null || c.changedFrom().isEmpty() || containsLoosely(c.changedFrom(), before);
        boolean to = c.changedTo() == null || c.changedTo().isEmpty() || containsLoosely(c.changedTo(), after);
        return result(index, c, java.util.Arrays.asList(before, after), from && to);
    }

    private static boolean containsLoosely(List<Object> values, Object actual) {
        return values.stream().anyMatch(v -> same(v, actual, Attribute.Kind.TEXT_ANY_CASE));
    }

    /** The comparison itself, on one value; {@code customType} is set for custom attributes. */
    static boolean compare(Condition c, Object actual, Attribute.Kind kind, String customType, LocalDate today) {
        List<Object> values = c.values() == null ? List.of() : c.values();
        String operator = c.operator();
        if ("is_present".equals(operator)) return actual != null && !actual.toString().isBlank();
        if ("is_not_present".equals(operator)) return actual == null || actual.toString().isBlank();
        if (actual == null) {
            // SQL's three-valued logic, except Chatwoot's custom-attribute not_equal_to ("or is null")
            return customType != null && "not_equal_to".equals(operator);
        }
        switch (operator) {
            case "equal_to":
                return anyEqual(values, actual, kindFor(kind, customType));
            case "not_equal_to":
                return !anyEqual(values, actual, kindFor(kind, customType));
            case "contains":
                return anyText(values, lower(actual), false);
            case "does_not_contain":
                return !anyText(values, lower(actual), false);
            case "starts_with":
                return anyText(values, lower(actual), true);
            case "is_greater_than":
                return !values.isEmpty() && order(actual, values.get(0)) > 0;
            case "is_less_than":
                return !values.isEmpty() && order(actual, values.get(0)) < 0;
            case "days_before":
                return !values.isEmpty() && isDaysBefore(actual, values.get(0), today);
            default:
                return false;
        }
    }

    private static boolean anyEqual(List<Object> values, Object actual, Attribute.Kind kind) {
        for (int i = 0; i < values.size(); i++) if (same(values.get(i), actual, kind)) return true;
        return false;
    }

    /** Whether the (lower-cased) actual text contains, or starts with, any of the values, ignoring case. */
    private static boolean anyText(List<Object> values, String actual, boolean prefix) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) continue;
            String needle = lower(v).trim();
            if (prefix ? actual.startsWith(needle) : actual.contains(needle)) return true;
        }
        return false;
    }

    private static Attribute.Kind kindFor(Attribute.Kind kind, String customType) {
        if (customType == null) return kind;
        return switch (customType) {
            case "number", "currency", "percent" -> Attribute.Kind.ID;
            default -> Attribute.Kind.TEXT_ANY_CASE;
        };
    }

    /** Equality by kind: ids and numbers numerically, enums and case-insensitive text ignoring case, text exactly. */
    static boolean same(Object expected, Object actual, Attribute.Kind kind) {
        if (expected == null || actual == null) return false;
        return switch (kind) {
            case ID -> numericEquals(expected, actual);
            case ENUM -> expected.toString().trim().equalsIgnoreCase(actual.toString());
            case TEXT -> expected.toString().equals(actual.toString());
            case BOOLEAN -> bool(expected) != null && bool(expected).equals(bool(actual));
            case TIME -> false;
            case TEXT_ANY_CASE, LABELS -> expected.toString().equalsIgnoreCase(actual.toString()) || looksNumeric(expected) && numericEquals(expected, actual);
        };
    }

    private static boolean looksNumeric(Object value) {
        if (value instanceof Number) return true;
        String text = value.toString();
        return !text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-');
    }

    private static boolean numericEquals(Object a, Object b) {
        if (isWhole(a) && isWhole(b)) return ((Number) a).longValue() == ((Number) b).longValue();
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        return x != null && y != null && x.compareTo(y) == 0;
    }

    private static boolean isWhole(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short;
    }

    private static int order(Object actual, Object bound) {
        BigDecimal x = number(actual);
        BigDecimal y = number(bound);
        if (x != null && y != null) return x.compareTo(y);
        LocalDate dx = date(actual);
        LocalDate dy = date(bound);
        if (dx != null && dy != null) return dx.compareTo(dy);
        return lower(actual).compareTo(lower(bound));
    }

    private static boolean isDaysBefore(Object actual, Object days, LocalDate today) {
        LocalDate date = date(actual);
        BigDecimal n = number(days);
        return date != null && n != null && date.isBefore(today.minusDays(n.longValue()));
    }

    static BigDecimal number(Object value) {
        if (value instanceof Number n) return new BigDecimal(n.toString());
        if (value == null) return null;
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate date(Object value) {
        if (value == null) return null;
        String text = value.toString().trim();
        try {
            return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String lower(Object value) {
        return value.toString().toLowerCase(Locale.ROOT);
    }

    /** The custom attribute's display type, by the condition's model or, when blank, the definition that exists. */
    static String customType(Condition c, Snapshot s) {
        return customType(c, s.customAttributeTypes());
    }

    static String customType(Condition c, Map<String, Map<String, String>> types) {
        Map<String, String> byModel = types.get(c.attributeKey());
        if (byModel == null) return null;
        String model = c.customAttributeType();
        if (model != null && !model.isBlank()) return byModel.get(model);
        return byModel.getOrDefault("conversation_attribute", byModel.get("contact_attribute"));
    }

    private static Object customValue(Condition c, Snapshot s, String type) {
        String model = c.customAttributeType();
        if (model == null || model.isBlank()) {
            Map<String, String> byModel = s.customAttributeTypes().get(c.attributeKey());
            model = byModel.containsKey("conversation_attribute") ? "conversation_attribute" : "contact_attribute";
        }
        Map<String, Object> source = "contact_attribute".equals(model) ? s.contactCustomAttributes() : s.conversationCustomAttributes();
        return source.get(c.attributeKey());
    }

    private static ConditionResult result(int index, Condition c, Object seen, boolean result) {
        return result(index, c, seen, result, null);
    }

    private static ConditionResult result(int index, Condition c, Object seen, boolean result, String note) {
        return new ConditionResult(index, c.attributeKey(), c.operator(), expected(c), seen, result, note);
    }

    /** What a condition expects, as the explain log shows it. */
    public static Object expected(Condition c) {
        return "attribute_changed".equals(c.operator()) ? Map.of("from", orEmpty(c.changedFrom()), "to", orEmpty(c.changedTo()))
                : orEmpty(c.values());
    }

    private static List<Object> orEmpty(List<Object> values) {
        return values == null ? List.of() : values;
    }

    /** Names for enum numbers Chatwoot clients may send (status 0-3, priority 0-3, message_type 0-3). */
    public static String enumName(String attributeKey, Object value) {
        if (value == null) return null;
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (!text.matches("\\d")) return text;
        int i = Integer.parseInt(text);
        List<String> names = switch (attributeKey) {
            case "status" -> STATUSES;
            case "priority" -> PRIORITIES;
            case "message_type" -> MESSAGE_TYPES;
            default -> List.of();
        };
        return i < names.size() ? names.get(i) : text;
    }
}
