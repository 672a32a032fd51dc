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
import javax.sql.DataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) kept in PostgreSQL ({@code rate_limit_buckets}), so a limit holds across every node on
 * the database. Time is the application's {@link Clock}. A bucket is named by its limit and a hash of the subject,
 * so neither emails nor IPs are stored and a huge subject cannot bloat the table.
 */
@Component
public class RateLimits {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    public RateLimits(DataSource dataSource, Clock clock) {
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
            BucketProxy bucket = bucket(subject);
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                permit.giveBack();
                throw new TooManyRequests(Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
            }
            permit.taken.add(bucket);
        }
        return permit;
    }

    /** The attempts one {@link #acquire} took; given back when the attempt turned out to be legitimate. */
    public static final class Permit {
        private final List<BucketProxy> taken;

        private Permit(List<BucketProxy> taken) {
            this.taken = taken;
        }

        public void giveBack() {
            taken.forEach(bucket -> bucket.addTokens(1));
            taken.clear();
        }
    }

    /** Removes buckets that have refilled completely (they hold nothing a new bucket would not). */
    @Scheduled(fixedDelayString = "${parley.rate-limits.sweep-interval:PT10M}", initialDelayString = "PT1M")
    void sweep() {
        int removed;
        do {
            removed = buckets.removeExpired(500);
        } while (removed == 500);
    }

    private BucketProxy bucket(Subject subject) {
        RateLimit limit = subject.limit();
        String key = limit.name() + "/" + limit.capacity() + "/" + limit.window().toMillis() + "/" + digest(subject.value());
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
