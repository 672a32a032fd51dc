package dev.parley.shared.filter;

import dev.parley.shared.Errors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Chatwoot's advanced filter ({@code POST /conversations/filter}, {@code POST /contacts/filter}) as one SQL condition with bind
 * parameters: each {attribute_key, filter_operator, values, query_operator} becomes a predicate on a
 * whitelisted column, joined by its AND/OR with SQL's precedence (AND binds tighter), as Chatwoot's string
 * concatenation does. Unknown keys and operators are refused, never passed through.
 */
public final class FilterSql {

    /** The condition to AND into the list query, and its parameters in order. */
    public record Condition(String sql, List<Object> params) {
    }

    /**
     * What a filter may name: the whitelisted columns (SQL expressions of the queried table's alias), which of
     * them compare case-insensitively or as times, the labels array, and the column of a custom attribute
     * (key, custom_attribute_type), the key being checked as letters, digits and '_' before it is asked for.
     */
    public record Vocabulary(String noun, Map<String, String> columns, Set<String> caseInsensitive, Set<String> times,
                             String labelsColumn, BiFunction<String, String, String> customColumn) {
    }

    private static final List<String> OPERATORS = List.of("equal_to", "not_equal_to", "contains", "does_not_contain", "starts_with",
            "is_present", "is_not_present", "is_greater_than", "is_less_than", "days_before");
    private static final Pattern CUSTOM_KEY = Pattern.compile("^[A-Za-z0-9_]{1,100}$");
    private static final int MAX_ROWS = 50;

    private FilterSql() {
    }

    public static Condition of(List<FilterRow> rows, Vocabulary vocabulary) {
        var errors = new Errors();
        if (rows == null || rows.isEmpty()) errors.add("payload", "needs at least one condition");
        else if (rows.size() > MAX_ROWS) errors.add("payload", "can hold at most " + MAX_ROWS + " conditions");
        errors.throwIfAny();
        var sql = new StringBuilder("(");
        var params = new ArrayList<Object>();
        for (int i = 0; i < rows.size(); i++) {
            FilterRow row = rows.get(i);
            String field = "payload[" + i + "]";
            predicate(row, field, sql, params, errors, vocabulary);
            if (i < rows.size() - 1) {
                String join = row.queryOperator() == null ? "and" : row.queryOperator().toLowerCase(Locale.ROOT);
                if (!join.equals("and") && !join.equals("or")) errors.add(field, "query_operator must be and or or");
                sql.append(join.equals("or") ? " OR " : " AND ");
            }
        }
        errors.throwIfAny();
        return new Condition(sql.append(")").toString(), params);
    }

    private static void predicate(FilterRow row, String field, StringBuilder sql, List<Object> params, Errors errors,
                                  Vocabulary vocabulary) {
        String key = row.attributeKey() == null ? "" : row.attributeKey();
        String op = row.filterOperator() == null ? "" : row.filterOperator();
        if (!OPERATORS.contains(op)) {
            errors.add(field, "filter_operator " + op + " is not one of " + String.join(", ", OPERATORS));
            sql.append("FALSE");
            return;
        }
        List<String> values = row.values() == null ? List.of() : row.values().stream().filter(v -> v != null).map(String::valueOf).toList();
        boolean needsValue = !op.equals("is_present") && !op.equals("is_not_present");
        if (needsValue && values.isEmpty()) {
            errors.add(field, "values can't be blank for " + op);
            sql.append("FALSE");
            return;
        }
        if (key.equals("labels")) {
            labels(vocabulary.labelsColumn(), op, values, field, sql, params, errors);
            return;
        }
        String column = column(row, key, field, errors, vocabulary);
        if (column == null) {
            sql.append("FALSE");
            return;
        }
        boolean lower = vocabulary.caseInsensitive().contains(key);
        String text = lower ? "lower(" + column + "::text)" : column + "::text";
        switch (op) {
            case "equal_to" -> {
                sql.append(text).append(" = ANY(?::text[])");
                params.add(texts(values, lower));
            }
            case "not_equal_to" -> {
                sql.append("(").append(column).append(" IS NULL OR NOT (").append(text).append(" = ANY(?::text[])))");
                params.add(texts(values, lower));
            }
            case "contains" -> {
                sql.append(column).append("::text ILIKE '%' || ? || '%'");
                params.add(like(values.get(0)));
            }
            case "does_not_contain" -> {
                sql.append("(").append(column).append(" IS NULL OR ").append(column).append("::text NOT ILIKE '%' || ? || '%')");
                params.add(like(values.get(0)));
            }
            case "starts_with" -> {
                sql.append(column).append("::text ILIKE ? || '%'");
                params.add(like(values.get(0)));
            }
            case "is_present" -> sql.append("(").append(column).append(" IS NOT NULL AND ").append(column).append("::text <> '')");
            case "is_not_present" -> sql.append("(").append(column).append(" IS NULL OR ").append(column).append("::text = '')");
            case "is_greater_than", "is_less_than" -> compare(vocabulary.times().contains(key), key, column, op.equals("is_greater_than") ? " > " : " < ", values.get(0), field, sql,
                    params, errors);
            default -> daysBefore(vocabulary.times().contains(key), key, column, values.get(0), field, sql, params, errors);
        }
    }

    private static String column(FilterRow row, String key, String field, Errors errors, Vocabulary vocabulary) {
        boolean custom = row.customAttributeType() != null && !row.customAttributeType().isBlank();
        if (!custom && vocabulary.columns().containsKey(key)) return vocabulary.columns().get(key);
        if (!CUSTOM_KEY.matcher(key).matches()) {
            errors.add(field, "attribute_key " + key + " is not a " + vocabulary.noun() + " or custom attribute");
            return null;
        }
        // a custom attribute: the key is letters, digits and '_' only (checked above), so it is safe as a literal
        return vocabulary.customColumn().apply(key, row.customAttributeType());
    }

    private static void labels(String labelsColumn, String op, List<String> values, String field, StringBuilder sql, List<Object> params, Errors errors) {
        switch (op) {
            case "equal_to" -> {
                sql.append(labelsColumn).append(" && ?::text[]");
                params.add(texts(values, true));
            }
            case "not_equal_to" -> {
                sql.append("NOT (").append(labelsColumn).append(" && ?::text[])");
                params.add(texts(values, true));
            }
            case "is_present" -> sql.append("cardinality(").append(labelsColumn).append(") > 0");
            case "is_not_present" -> sql.append("cardinality(").append(labelsColumn).append(") = 0");
            default -> {
                errors.add(field, "labels take equal_to, not_equal_to, is_present or is_not_present");
                sql.append("FALSE");
            }
        }
    }

    private static void compare(boolean time, String key, String column, String comparison, String value, String field, StringBuilder sql,
                                List<Object> params, Errors errors) {
        if (time) {
            Instant at = time(value);
            if (at == null) {
                errors.add(field, "values must be a date (YYYY-MM-DD) or a time for " + key);
                sql.append("FALSE");
                return;
            }
            sql.append(column).append(comparison).append("?");
            params.add(java.sql.Timestamp.from(at));
            return;
        }
        if (!value.matches("-?\\d{1,15}(\\.\\d{1,6})?")) {
            errors.add(field, "values must be a number for " + comparison.trim());
            sql.append("FALSE");
            return;
        }
        sql.append("(CASE WHEN ").append(column).append("::text ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN (").append(column)
                .append(")::text::numeric END)").append(comparison).append("?::numeric");
        params.add(value);
    }

    private static void daysBefore(boolean time, String key, String column, String value, String field, StringBuilder sql, List<Object> params,
                                   Errors errors) {
        if (!time || !value.matches("\\d{1,5}")) {
            errors.add(field, "days_before takes created_at or last_activity_at and a number of days");
            sql.append("FALSE");
            return;
        }
        sql.append(column).append(" < now() - make_interval(days => ?)");
        params.add(Integer.parseInt(value));
    }

    private static Instant time(String value) {
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String[] texts(List<String> values, boolean lower) {
        return values.stream().map(v -> lower ? v.toLowerCase(Locale.ROOT) : v).toArray(String[]::new);
    }

    private static String like(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
