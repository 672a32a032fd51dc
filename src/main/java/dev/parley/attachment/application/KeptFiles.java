package dev.parley.attachment.application;

import dev.parley.attachment.Upload;
import dev.parley.attachment.persistence.KeptFileRepository;
import dev.parley.attachment.persistence.PendingKeys;
import dev.parley.attachment.storage.BlobStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files an administrator uploads for a rule's send_attachment action. Each send copies the kept bytes into a new
 * attachment of the rule's message, so deleting that message never takes the rule's file with it.
 */
@Component
public class KeptFiles {

    private final BlobStorage storage;
    private final KeptFileRepository kept;
    private final PendingKeys pending;
    private final TypeDetection types;
    private final StorageCleanup cleanup;

    KeptFiles(BlobStorage storage, KeptFileRepository kept, PendingKeys pending, TypeDetection types, StorageCleanup cleanup) {
        this.storage = storage;
        this.kept = kept;
        this.pending = pending;
        this.types = types;
        this.cleanup = cleanup;
    }

    /** Stores the file; must run in a transaction (its bytes go if that transaction rolls back). Returns id and key. */
    public KeptFileRepository.KeptFile keep(long accountId, Upload upload) {
        String key = UUID.randomUUID().toString().replace("-", "");
        cleanup.markPending(key);
        TransactionSynchronizationManager.registerSynchronization(cleanup.onRollback(List.of(key)));
        try {
            String contentType;
            try (InputStream in = upload.source().getInputStream()) {
                contentType = types.detect(in, upload.fileName());
            }
            try (InputStream in = upload.source().getInputStream()) {
                storage.put(key, in, upload.size(), contentType);
            }
            long id = kept.insert(accountId, upload.fileName(), contentType, upload.size(), key);
            pending.remove(List.of(key));
            return new KeptFileRepository.KeptFile(id, accountId, upload.fileName(), contentType, upload.size(), key);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the file", e);
        }
    }

    /** The account's kept files as uploads read from the storage; ids not found (or of another account) are left out. */
    public List<Upload> asUploads(long accountId, Collection<Long> ids) {
        var uploads = new ArrayList<Upload>();
        for (var file : kept.find(accountId, ids)) {
            uploads.add(new Upload(file.fileName(), file.fileSize(), () -> storage.get(file.storageKey())));
        }
        return uploads;
    }
}
