package dev.parley.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a hostile or sloppy client sends instead of a well-formed value: JSON values for body fields,
 * raw (already encoded, sometimes deliberately mis-encoded) text for query and path parameters.
 * Each field gets the {@code ALWAYS} values and a seeded random draw from the rest.
 */
final class HostileValues {

    /** Incompressible (random letters, fixed seed): PostgreSQL compresses a repeated letter below its index row limit. */
    static final String HUGE_100_KB = letters(100 * 1024);
    /** For identifiers that end up in unique indexes (PostgreSQL refuses index rows over ~2.7 KB). */
    static final String HUGE_1_MB_JSON = "\"" + letters(1024 * 1024) + "\"";
    static final String DEEP_ARRAY = "[".repeat(5000) + "]".repeat(5000);

    /** Raw JSON values every field receives. */
    static final List<String> JSON_ALWAYS = List.of(
            "null", "\"\"", "\"\\u0000\"", "\"a\\ud800b\"", "2147483648", "1e309", "-1", "true", "{}", "[]",
            "\"" + HUGE_100_KB + "\"", DEEP_ARRAY);

    static final List<String> JSON_SOMETIMES = List.of(
            "\"   \"", "0", "-2147483649", "9223372036854775808", "-9223372036854775809", "-1e309", "1.5", "\"abc\"",
            "\"\\udc00\"", "[\"\\u0000\"]", "{\"k\\u0000\":\"v\"}", "\"2147483648\"", "\"-1\"", "[1,2,3]", "[null]",
            "\"<script>alert(1)</script>\"", "\"{% include '/etc/passwd' %}\"", "\"{{ 'x' | append: 'y' }}\"",
            "\"../../../../etc/passwd\"", "\"' OR 1=1 --\"", "\"\\u202e\\ufeff\"", "\"1970-01-01T00:00:00Z\"",
            "\"99999-12-31\"", "{\"$ref\":\"#\"}", "[[[[[[[[[[1]]]]]]]]]]", "\"" + "é".repeat(20_000) + "\"");

    static final List<String> QUERY_ALWAYS = List.of(
            "", "abc", "-1", "2147483648", "99999999999999999999", "1e309", "%00", "a%ED%A0%80b", "%zz", "99999999");

    static final List<String> QUERY_SOMETIMES = List.of(
            "0", "NaN", "Infinity", "1.5", "true", "a%00b", "%", "%%", "%u0000", "%C0%80", "%FF%FE", "x".repeat(4000),
            HUGE_100_KB, "%5B%5D", "-9223372036854775809", "9223372036854775807", "-99999999999", "%3Cscript%3E",
            "%27%20OR%201%3D1", "%E2%80%AE");

    static final List<String> PATH_ALWAYS = List.of("abc", "-1", "2147483648", "9223372036854775808", "%00", "%zz", "%ED%A0%80");

    static final List<String> PATH_SOMETIMES = List.of("0", "1e309", "1.5", "%2e%2e", "%2F", "x".repeat(4000), "null", "%20", "%C0%80");

    /** Whole-body variants: the bytes and the Content-Type header they travel with (null: no header). */
    record BodyVariant(String name, String contentType, byte[] bytes) {
    }

    static List<BodyVariant> bodies() {
        var utf8 = java.nio.charset.StandardCharsets.UTF_8;
        var v = new ArrayList<BodyVariant>();
        String json = "application/json";
        for (String raw : List.of("", "{not json", "{\"a\":", "[]", "\"text\"", "null", "123", "{}", DEEP_ARRAY,
                "{\"a\":".repeat(5000) + "1" + "}".repeat(5000), "{\"a\":1,\"a\":2}", "{\"\\u0000\":1}", "{\"name\":\"\\ud800\"}")) {
            v.add(new BodyVariant("json " + abbreviate(raw), json, raw.getBytes(utf8)));
        }
        v.add(new BodyVariant("json 1 MB string", json, ("{\"name\":" + HUGE_1_MB_JSON + "}").getBytes(utf8)));
        v.add(new BodyVariant("json invalid UTF-8", json, new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        v.add(new BodyVariant("json with BOM", json, ("\ufeff{}").getBytes(utf8)));
        v.add(new BodyVariant("json as UTF-16 declared", json + "; charset=utf-16", "{\"a\":1}".getBytes(utf8)));
        v.add(new BodyVariant("no Content-Type", null, "{}".getBytes(utf8)));
        v.add(new BodyVariant("text/plain", "text/plain", "{}".getBytes(utf8)));
        v.add(new BodyVariant("form-urlencoded", "application/x-www-form-urlencoded", "a=b&c=%zz&name=%00".getBytes(utf8)));
        v.add(new BodyVariant("form-urlencoded empty", "application/x-www-form-urlencoded", new byte[0]));
        v.add(new BodyVariant("multipart without boundary", "multipart/form-data", "--x\r\n\r\nvalue\r\n--x--\r\n".getBytes(utf8)));
        v.add(new BodyVariant("multipart with boundary", "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nvalue\r\n--xyz--\r\n".getBytes(utf8)));
        v.add(new BodyVariant("multipart truncated", "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disp".getBytes(utf8)));
        v.add(new BodyVariant("application/xml", "application/xml", "<?xml version=\"1.0\"?><a>&x;</a>".getBytes(utf8)));
        v.add(new BodyVariant("garbage Content-Type", "@@@/;;;", "{}".getBytes(utf8)));
        return v;
    }

    private static String letters(int length) {
        var random = new Random(length);
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) text.append((char) ('a' + random.nextInt(26)));
        return text.toString();
    }

    static List<String> draw(List<String> always, List<String> sometimes, int extra, Random random) {
        var values = new ArrayList<>(always);
        for (int i = 0; i < extra; i++) values.add(sometimes.get(random.nextInt(sometimes.size())));
        return values;
    }

    static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 24 ? printable : printable.substring(0, 12) + "…(" + value.length() + " chars)";
    }

    private HostileValues() {
    }
}
