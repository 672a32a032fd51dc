package dev.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Walks every operation of the server's own OpenAPI document ({@code /v3/api-docs}) with hostile input
 * (wrong types, null, empty, 100 KB and 1 MB strings, overflowing numbers, NUL and unpaired surrogates,
 * 5000-deep nesting, malformed JSON, every Content-Type, bad percent-encoding) as the administrator of
 * a full world, the platform and an anonymous public client, and asserts two things:
 *
 * <ol>
 * <li><b>no 5xx</b>: every answer is a client error or a success; a connection closed with no answer
 * counts as a failure too. All failures are collected and printed grouped by cause, then by operation.</li>
 * <li><b>refusals change nothing</b>. Hostile requests may succeed (a 100 KB contact description is a
 * description), and successes are expected to change data, so the check is made per round (see
 * {@link FuzzRun}): the account's data is fingerprinted ({@link DataSnapshot}) before and after each
 * round of requests, and a round is judged only if none of its writes was accepted; its events are
 * counted too (a refusal publishes nothing). Reads (GETs, the filter and the rule dry run) are held to
 * "change nothing" whatever they answer. The first pass sends everything in rounds of 100 without
 * waiting for background work; refused
 * writes it could not judge (their round also held a success, or background work from an earlier
 * success was still moving data) are sent again in rounds of 25 after the data has gone quiet, until
 * every refusal has been judged in a round of refusals only. Probes are ordered refusals first
 * (malformed bodies, bad ids, bad query values) and likely successes (one odd field in a plausible
 * body) last, so few rounds mix them.</li>
 * </ol>
 *
 * Seeded (the seed is printed; {@code -Dparley.fuzz.seed=N} repeats a run) and bounded (each field gets
 * a fixed set of values plus a seeded draw), so a run is repeatable and fits in CI.
 */
class ApiFuzzIntegrationTests extends IntegrationTest {

    private static final long SEED = Long.getLong("parley.fuzz.seed", 20_261_130L);
    private static final int THREADS = 6;

    @Autowired
    JdbcClient jdbc;

    @Test
    void hostileInputNeverAnswers5xxAndRefusalsChangeNothing() {
        long started = System.nanoTime();
        System.out.println("ApiFuzzIntegrationTests seed: " + SEED);
        long platformAccount = fixtures.account().accountId();
        SecurityWorld world = SecurityWorld.build(fixtures, "FUZZ" + Long.toString(SEED, 36).toUpperCase())
                .withIds(Map.of("platformAccount", platformAccount));
        var operations = ApiOperation.all(anonymous().get("/v3/api-docs").expect(200).json());
        var plan = new ProbePlan(new ExampleValues(world), Map.of("application", world.team().adminUser().token(), "platform", PLATFORM_TOKEN),
                new Random(SEED));
        List<Probe> probes = new ArrayList<>();
        operations.forEach(op -> probes.addAll(plan.probes(op)));
        // refusals first and likely successes (one plausible body with one odd field) last, so few rounds mix them
        probes.sort(java.util.Comparator.comparingInt(p -> p.variant().startsWith("field ") ? 2 : p.variant().startsWith("query ") ? 1 : 0));

        var report = new FuzzReport();
        var snapshot = new DataSnapshot(jdbc, List.of(world.team().accountId(), platformAccount), true);
        int refusedUnchecked;
        try (var run = new FuzzRun(new HostileClient(port), snapshot, new AccountEvents(world.team().accountId()), report, THREADS)) {
            long fuzzStarted = System.nanoTime();
            List<Probe> unchecked = run.pass(probes, 100, true);
            long firstPass = System.nanoTime() - fuzzStarted;
            for (int replay = 0; replay < 3 && !unchecked.isEmpty(); replay++) unchecked = run.pass(unchecked, 25, false);
            refusedUnchecked = unchecked.size();
            System.out.printf("ApiFuzzIntegrationTests: %d operations, %d probes planned, %d requests sent, %d refusals checked, %d left unchecked;"
                            + " world %.1f s, first pass %.1f s, replays %.1f s (%s), %d threads%n", operations.size(), probes.size(),
                    report.requests(), run.checkedRefusals(), refusedUnchecked, (fuzzStarted - started) / 1e9, firstPass / 1e9,
                    (System.nanoTime() - fuzzStarted - firstPass) / 1e9, run.settling(), THREADS);
        }
        System.out.println(report.summary());
        report.writeLog();

        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(100);
        assertThat(report.requests()).isGreaterThanOrEqualTo(10_000);
        assertThat(report.serverErrors()).as("answers of 5xx or none; summary above").isEmpty();
        assertThat(report.changes()).as("refused requests that changed data; summary above").isEmpty();
        assertThat(refusedUnchecked).as("refusals never checked in a round of refusals only").isZero();
    }

    /** Names of the module events published so far about the account (every event record carries its accountId), read incrementally. */
    private final class AccountEvents implements java.util.function.Supplier<List<String>> {
        private final long accountId;
        private final List<String> seen = new ArrayList<>();
        private int scanned;

        AccountEvents(long accountId) {
            this.accountId = accountId;
        }

        @Override
        public synchronized List<String> get() {
            List<Record> all = events.ofType(Record.class);
            for (; scanned < all.size(); scanned++) {
                Record event = all.get(scanned);
                if (accountOf(event) == accountId) seen.add(event.getClass().getSimpleName());
            }
            return List.copyOf(seen);
        }

        private static long accountOf(Record event) {
            try {
                return ((Number) event.getClass().getMethod("accountId").invoke(event)).longValue();
            } catch (ReflectiveOperationException | ClassCastException noAccount) {
                return -1;
            }
        }
    }
}
