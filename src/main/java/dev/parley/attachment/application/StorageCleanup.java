package dev.parley.attachment.application;

import dev.parley.attachment.persistence.PendingKeys;
import dev.parley.attachment.storage.BlobStorage;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;

/** Removes bytes that lost (or never got) their row: after a rollback, after a message's files were deleted, or later. */
@Component
public class StorageCleanup {

    private static final Logger log = LoggerFactory.getLogger(StorageCleanup.class);

    private final BlobStorage storage;
    private final PendingKeys pending;
    private final TransactionTemplate ownTransaction;

    StorageCleanup(BlobStorage storage, PendingKeys pending, PlatformTransactionManager transactions) {
        this.storage = storage;
        this.pending = pending;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Commits at once, whatever the surrounding transaction does, so the key survives its rollback. */
    void markPending(String key) {
        ownTransaction.executeWithoutResult(s -> pending.add(key));
    }

    TransactionSynchronization onRollback(List<String> keys) {
        return new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) removeNow(keys);
            }
        };
    }

    /** After the surrounding transaction commits, remove these bytes (they are recorded as due, in case this node dies first). */
    public void removeAfterCommit(Collection<String> keys) {
        if (keys.isEmpty()) return;
        pending.addDue(keys);
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                removeNow(List.copyOf(keys));
            }
        });
    }

    void removeNow(Collection<String> keys) {
        var removed = new java.util.ArrayList<String>();
        for (String key : keys) {
            try {
                storage.delete(key);
                removed.add(key);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not remove stored file {}; the cleanup will try again", key, e);
            }
        }
        ownTransaction.executeWithoutResult(s -> pending.remove(removed));
    }
}
