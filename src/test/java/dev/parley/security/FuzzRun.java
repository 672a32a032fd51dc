package dev.parley.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends probes in rounds over several connections and checks, per round, that refusals changed
 * nothing and published no event: the data is fingerprinted before and after a round, and a round is
 * judged only when none of its writes was accepted (GETs are held to "change nothing" whatever they
 * answer). Refused writes that shared a round with an accepted one, or whose round saw data moved by
 * background work still processing earlier successes, are sent again later in rounds of their own,
 * after the data has gone quiet. A round of refusals that changed data is replayed in quarters and
 * then request by request to name the culprit.
 */
final class FuzzRun implements AutoCloseable {

    record Outcome(Probe probe, int status) {
        boolean accepted() {
            return !probe.safe() && status >= 200 && status < 400;
        }

        boolean refusedWrite() {
            return !probe.safe() && (status >= 400 || status == 0);
        }
    }

    private final HostileClient http;
    private final java.util.function.Supplier<List<String>> events;
    private final DataSnapshot snapshot;
    private final FuzzReport report;
    private final ExecutorService pool;
    private int checkedRefusals;
    private int settles;
    private long settleNanos;

    /** @param events the events published so far for the fuzzed account (type names), for "a refusal publishes nothing" */
    FuzzRun(HostileClient http, DataSnapshot snapshot, java.util.function.Supplier<List<String>> events, FuzzReport report, int threads) {
        this.http = http;
        this.events = events;
        this.snapshot = snapshot;
        this.report = report;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /**
     * One pass over the probes; returns the refused writes it could not check. An optimistic pass does not
     * wait for background work before a round: a round of refusals whose data did not move is checked, and
     * one whose data moved while earlier successes were still being processed is handed back unchecked
     * (it cannot be told from background work) instead of being blamed.
     */
    List<Probe> pass(List<Probe> probes, int roundSize, boolean optimistic) {
        var unchecked = new ArrayList<Probe>();
        Map<String, String> before = null;
        boolean quiet = false;
        for (int from = 0; from < probes.size(); from += roundSize) {
            List<Probe> round = probes.subList(from, Math.min(probes.size(), from + roundSize));
            if (before == null) {
                quiet = !optimistic;
                before = optimistic ? snapshot.take() : settle();
            }
            int published = events.get().size();
            List<Outcome> outcomes = sendAll(round);
            List<Probe> refused = outcomes.stream().filter(Outcome::refusedWrite).map(Outcome::probe).toList();
            if (outcomes.stream().anyMatch(Outcome::accepted)) {
                unchecked.addAll(refused);
                before = null;
                continue;
            }
            Map<String, String> after = snapshot.take();
            var newEvents = events.get();
            if (after.equals(before) && newEvents.size() == published) {
                checkedRefusals += refused.size();
                continue;
            }
            if (!quiet) {
                unchecked.addAll(refused);
            } else {
                checkedRefusals += refused.size();
                // a round with a 5xx is a failure already, and its events may come from a transaction that rolled back
                boolean serverError = outcomes.stream().anyMatch(o -> o.status() >= 500 || o.status() == 0);
                if (newEvents.size() > published && !serverError) report.changedOnRefusal("a round of " + round.size() + " refusals starting with "
                        + round.get(0).operation() + " [" + round.get(0).variant() + "] published " + newEvents.subList(published, newEvents.size()));
                if (!after.equals(before)) pinpoint(round, DataSnapshot.differences(before, after));
            }
            before = null;
        }
        return unchecked;
    }

    int checkedRefusals() {
        return checkedRefusals;
    }

    String settling() {
        return settles + " waits for quiet data, " + settleNanos / 1_000_000 + " ms";
    }

    private List<Outcome> sendAll(List<Probe> round) {
        var futures = new ArrayList<Future<Outcome>>();
        for (Probe probe : round) futures.add(pool.submit(() -> send(probe)));
        var outcomes = new ArrayList<Outcome>();
        for (var future : futures) {
            try {
                outcomes.add(future.get());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return outcomes;
    }

    private Outcome send(Probe probe) {
        HostileClient.Answer answer = http.send(probe.method(), probe.target(), probe.headers(), probe.body());
        report.record(probe, answer.status(), answer.body());
        return new Outcome(probe, answer.status());
    }

    /**
     * Replays a round that changed data in quarters, then the quarters that changed again one request at a time, and
     * names the refusal that changes data. A change that no replay of the round repeats was made by background work
     * that came due meanwhile (a snooze timer reopening a conversation an earlier accepted request snoozed, a sweep):
     * it is printed, not failed, since failing on it made the suite flaky without pointing at any request.
     */
    private void pinpoint(List<Probe> round, List<String> tables) {
        if (!name(round)) System.out.println("ApiFuzzIntegrationTests: a round of " + round.size() + " refusals starting with "
                + round.get(0).operation() + " saw " + tables + " change, and no replay of the round repeated it (background work)");
    }

    private boolean name(List<Probe> probes) {
        if (probes.size() == 1) {
            Map<String, String> before = settle();
            Outcome outcome = send(probes.get(0));
            var changed = DataSnapshot.differences(before, snapshot.take());
            if (changed.isEmpty() || outcome.accepted()) return false;
            report.changedOnRefusal(outcome.probe().operation() + " [" + outcome.probe().variant() + "] answered " + outcome.status() + " and changed " + changed);
            return true;
        }
        boolean named = false;
        int quarter = Math.max(1, (probes.size() + 3) / 4);
        for (int from = 0; from < probes.size(); from += quarter) {
            List<Probe> part = probes.subList(from, Math.min(probes.size(), from + quarter));
            Map<String, String> before = settle();
            boolean accepted = sendAll(part).stream().anyMatch(Outcome::accepted);
            if (!accepted && !snapshot.take().equals(before)) named |= name(part);
        }
        return named;
    }

    /** Waits until background work (listeners, timers, webhook worker) has stopped changing the data. */
    private Map<String, String> settle() {
        settles++;
        long started = System.nanoTime();
        try {
            return quiet(started + Duration.ofSeconds(20).toNanos());
        } finally {
            settleNanos += System.nanoTime() - started;
        }
    }

    private Map<String, String> quiet(long deadline) {
        Map<String, String> last = snapshot.take();
        while (true) {
            sleep(Duration.ofMillis(600));
            Map<String, String> next = snapshot.take();
            if (next.equals(last)) return next;
            if (System.nanoTime() > deadline) throw new AssertionError("data never settled; still changing: " + DataSnapshot.differences(last, next));
            last = next;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
