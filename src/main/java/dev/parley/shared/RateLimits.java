package dev.parley.shared;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) kept in PostgreSQL ({@code rate_limit_buckets}), so a limit holds across every node on
 * the database. Time is the application's {@link Clock}. A bucket is named by its limit and a hash of the subject,
 * so neither emails nor IPs are stored and a huge subject cannot bloat the table.
 *
 * <p>A limit with a node share ({@link RateLimit#nodeShare()} above 1) is leased: the node takes that many attempts
 * from the shared bucket in one round trip and hands them out from memory ({@link Lease}), so a hot subject (all the
 * public API's customers behind one address) costs one database transaction per share instead of one per attempt.
 */
@Component
public class RateLimits {

    /** Leases kept before lapsed ones are dropped outside the sweep (a lease is a few dozen bytes). */
    private static final int MAX_LEASES = 10_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Clock clock;
    private final Map<Subject, Lease> leases = new ConcurrentHashMap<>();

    public RateLimits(DataSource dataSource, Clock clock) {
        this.clock = clock;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .clientClock(new ApplicationClock(clock))
                .build();
    }

    /** One subject counted against one limit; a null value (e.g. no client address) is not counted. */
    public record Subject(RateLimit limit, String value) {
    }

    /**
     * Takes one attempt from the bucket of every subject, in order. At the first spent bucket, gives back what it
     * took and throws {@link TooManyRequests} with that bucket's wait, so a refused attempt costs the other subjects
     * nothing. Put the subject most likely to be spent first: a refusal then costs one database round trip.
     */
    public Permit acquire(Subject... subjects) {
        Permit permit = new Permit(new ArrayList<>());
        for (Subject subject : subjects) {
            if (subject.value() == null) continue;
            try {
                permit.taken.add(subject.limit().nodeShare() > 1 ? takeLeased(subject) : take(bucket(key(subject), subject.limit())));
            } catch (TooManyRequests refused) {
                permit.giveBack();
                throw refused;
            }
        }
        return permit;
    }

    /** The attempts one {@link #acquire} took; given back when the attempt turned out to be legitimate. */
    public static final class Permit {
        private final List<Runnable> taken;

        private Permit(List<Runnable> taken) {
            this.taken = taken;
        }

        public void giveBack() {
            taken.forEach(Runnable::run);
            taken.clear();
        }
    }

    /** One attempt from the shared bucket; returns how to give it back. */
    private static Runnable take(BucketProxy bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) throw new TooManyRequests(Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
        return () -> bucket.addTokens(1);
    }

    /**
     * One attempt from this node's lease on the subject's bucket; when the lease is spent or lapsed, a new one of up
     * to a share from the shared bucket (what is left of it when less than a share is). Concurrent attempts on one
     * subject wait for that one round trip instead of each making their own.
     */
    private Runnable takeLeased(Subject subject) {
        if (leases.size() > MAX_LEASES) {
            dropLapsedLeases();
            if (leases.size() > MAX_LEASES) leases.clear(); // many live subjects: their shares are forgone (stricter, never looser)
        }
        // in memory the subject is its own key; its digest (the bucket's name) is worked out only for a round trip
        Lease lease = leases.computeIfAbsent(subject, k -> new Lease());
        synchronized (lease) {
            Instant now = clock.instant();
            if (lease.remaining == 0 || !now.isBefore(lease.lapsesAt)) {
                BucketProxy bucket = bucket(key(subject), subject.limit());
                long reserved = bucket.tryConsumeAsMuchAsPossible(subject.limit().nodeShare());
                if (reserved == 0) {
                    take(bucket); // refused with the bucket's wait (or, refilled meanwhile, one attempt)
                    reserved = 1;
                }
                lease.remaining = reserved;
                lease.lapsesAt = now.plus(subject.limit().window());
            }
            lease.remaining--;
        }
        return lease::giveBackOne;
    }

    /**
     * Attempts this node took from a shared bucket ahead of use. They lapse one window after they were taken, so a
     * node can let through at most one share beyond the capacity in a window.
     */
    private final class Lease {
        private long remaining;
        private Instant lapsesAt = Instant.MIN;

        synchronized void giveBackOne() {
            if (clock.instant().isBefore(lapsesAt)) remaining++;
        }

        synchronized boolean lapsed() {
            return !clock.instant().isBefore(lapsesAt);
        }
    }

    private void dropLapsedLeases() {
        leases.values().removeIf(Lease::lapsed);
    }

    /** Removes buckets that have refilled completely (they hold nothing a new bucket would not). */
    @Scheduled(fixedDelayString = "${parley.rate-limits.sweep-interval:PT10M}", initialDelayString = "PT1M")
    void sweep() {
        dropLapsedLeases();
        int removed;
        do {
            removed = buckets.removeExpired(500);
        } while (removed == 500);
    }

    /** The bucket's name: the limit (so a changed limit starts a fresh bucket) and a digest of the subject. */
    private static String key(Subject subject) {
        RateLimit limit = subject.limit();
        return limit.name() + "/" + limit.capacity() + "/" + limit.window().toMillis() + "/" + digest(subject.value());
    }

    private BucketProxy bucket(String key, RateLimit limit) {
        return buckets.builder().build(key, () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillIntervally(limit.capacity(), limit.window()).build())
                .build());
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Bucket4j's time source is the application's clock, so tests and every node agree on time. */
    private record ApplicationClock(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
