package dev.parley.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a run saw: answers per status class, the 5xx (and connections closed with no answer) grouped
 * by cause (the variant, without its operation) and then by operation, and refused requests that
 * changed data. The summary is printed before any assertion fails, so one run shows every problem.
 */
final class FuzzReport {

    record Failure(Probe probe, int status, String body) {
    }

    private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    /** Keyed by probe: a request replayed for the refusal check is one failure, not two. */
    private final Map<Probe, Failure> serverErrors = new ConcurrentHashMap<>();
    private final List<String> changes = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    /** Every request and its answer, one line each, when {@code -Dparley.fuzz.log=<file>} asks for it. */
    private final java.util.Queue<String> log = System.getProperty("parley.fuzz.log") == null ? null : new java.util.concurrent.ConcurrentLinkedQueue<>();

    void record(Probe probe, int status, String body) {
        requests.incrementAndGet();
        if (log != null) log.add(status + " " + probe.operation() + " [" + probe.variant() + "] " + Probe.snippet(body, 200));
        statuses.computeIfAbsent(status == 0 ? "no answer" : Integer.toString(status), k -> new AtomicInteger()).incrementAndGet();
        if (status >= 500 || status == 0) serverErrors.putIfAbsent(probe, new Failure(probe, status, body));
    }

    void writeLog() {
        if (log == null) return;
        try {
            java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("parley.fuzz.log")), log);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    synchronized void changedOnRefusal(String description) {
        changes.add(description);
    }

    int requests() {
        return requests.get();
    }

    List<Failure> serverErrors() {
        return List.copyOf(serverErrors.values());
    }

    synchronized List<String> changes() {
        return List.copyOf(changes);
    }

    String summary() {
        var out = new StringBuilder("requests: ").append(requests.get()).append(", answers: ").append(new TreeMap<>(statuses)).append('\n');
        var byCause = new TreeMap<String, List<Failure>>();
        for (Failure f : serverErrors.values()) byCause.computeIfAbsent(cause(f.probe().variant()), k -> new ArrayList<>()).add(f);
        out.append("5xx / no answer: ").append(serverErrors.size()).append(" in ").append(byCause.size()).append(" causes\n");
        byCause.forEach((cause, failures) -> {
            out.append("  [").append(failures.size()).append("] ").append(cause).append('\n');
            var byOperation = new TreeMap<String, List<Failure>>();
            for (Failure f : failures) byOperation.computeIfAbsent(f.probe().operation(), k -> new ArrayList<>()).add(f);
            byOperation.forEach((operation, list) -> {
                Failure first = list.get(0);
                out.append("      ").append(list.size()).append(" x ").append(operation).append(" -> ").append(first.status())
                        .append(" e.g. ").append(first.probe().variant()).append(" | ").append(first.probe().describe())
                        .append(" | answer ").append(Probe.snippet(first.body(), 160)).append('\n');
            });
        });
        out.append("refused requests that changed data: ").append(changes().size()).append('\n');
        changes().forEach(c -> out.append("  ").append(c).append('\n'));
        return out.toString();
    }

    /** The hostile thing sent, without the field or parameter it was sent in: "field name=null" -> "field value null". */
    static String cause(String variant) {
        int eq = variant.indexOf('=');
        if (eq < 0) return variant;
        String where = variant.substring(0, eq);
        String kind = where.substring(0, where.indexOf(' ') < 0 ? where.length() : where.indexOf(' '));
        return kind + " value " + variant.substring(eq + 1);
    }
}
