package dev.parley.security;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One hostile request: which operation it attacks, with what ({@code variant}, the cause a failure is
 * grouped by), and the bytes it sends.
 */
record Probe(String operation, String variant, String method, String target, Map<String, String> headers, byte[] body) {

    /** Reads, held to "change nothing" whatever they answer: GETs, and the two POSTs that only read (filter, dry run). */
    boolean safe() {
        return method.equals("GET") || operation.endsWith("/conversations/filter") || operation.endsWith("/automation_rules/dry_run");
    }

    String describe() {
        return method + " " + snippet(target, 160) + (body == null ? "" : " body " + snippet(new String(body, StandardCharsets.UTF_8), 160));
    }

    static String snippet(String text, int max) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= max ? printable : printable.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
