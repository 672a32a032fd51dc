package dev.parley.attachment.application;

import dev.parley.attachment.persistence.PendingKeys;
import dev.parley.shared.BatchedDelete;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes bytes whose key stayed pending longer than any upload takes (a node died between putting the bytes and
 * rolling back). Safe on several nodes at once: deleting a missing file is not an error.
 */
@Component
class OrphanCleanup {

    private static final int BATCH = 200;
    private static final int MAX_BATCHES = 10; // bounded: keys that cannot be removed now stay for the next run

    private final PendingKeys pending;
    private final StorageCleanup cleanup;
    private final Duration age;

    OrphanCleanup(PendingKeys pending, StorageCleanup cleanup, @Value("${parley.attachments.orphan-age:PT6H}") Duration age) {
        this.pending = pending;
        this.cleanup = cleanup;
        this.age = age;
    }

    @Scheduled(fixedDelayString = "${parley.attachments.cleanup-interval:PT10M}", initialDelayString = "${parley.attachments.cleanup-interval:PT10M}")
    void removeOrphans() {
        BatchedDelete.repeat(BATCH, MAX_BATCHES, () -> {
            List<String> keys = pending.olderThan(age, BATCH);
            cleanup.removeNow(keys);
            return keys.size();
        });
    }
}
