package dev.parley.attachment.application;

import dev.parley.attachment.FileType;
import dev.parley.attachment.Upload;
import dev.parley.attachment.persistence.AttachmentRepository;
import dev.parley.attachment.persistence.PendingKeys;
import dev.parley.attachment.persistence.StoredAttachment;
import dev.parley.attachment.storage.BlobStorage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores a message's files inside the message's transaction: each key is written down as pending (in its own
 * transaction) before its bytes are put, and crossed out with the row. If the message's transaction rolls back,
 * the bytes are removed right after; if the node dies first, {@link OrphanCleanup} removes them later.
 */
@Component
public class AttachmentStore {

    private final BlobStorage storage;
    private final AttachmentRepository attachments;
    private final PendingKeys pending;
    private final TypeDetection types;
    private final StorageCleanup cleanup;

    AttachmentStore(BlobStorage storage, AttachmentRepository attachments, PendingKeys pending, TypeDetection types, StorageCleanup cleanup) {
        this.storage = storage;
        this.attachments = attachments;
        this.pending = pending;
        this.types = types;
        this.cleanup = cleanup;
    }

    /** Opens a stored attachment's bytes (the caller closes the stream). */
    public java.io.InputStream open(StoredAttachment a) throws java.io.IOException {
        return storage.get(a.storageKey());
    }

    public List<StoredAttachment> attach(long accountId, long messageId, List<Upload> uploads) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) throw new IllegalStateException("attach needs a transaction");
        List<String> written = new ArrayList<>();
        TransactionSynchronizationManager.registerSynchronization(cleanup.onRollback(written));
        var stored = new ArrayList<StoredAttachment>();
        try {
            for (Upload upload : uploads) stored.add(store(accountId, messageId, upload, written));
        } catch (IOException e) {
            throw new UncheckedIOException("could not store an attachment", e);
        }
        pending.remove(written);
        return stored;
    }

    private StoredAttachment store(long accountId, long messageId, Upload upload, List<String> written) throws IOException {
        String contentType;
        try (InputStream in = upload.source().getInputStream()) {
            contentType = types.detect(in, upload.fileName());
        }
        String key = newKey(written);
        try (InputStream in = upload.source().getInputStream()) {
            storage.put(key, in, upload.size(), contentType);
        }
        FileType type = FileType.of(contentType);
        Integer width = null, height = null;
        String thumbKey = null;
        if (type == FileType.IMAGE) {
            Thumbnails.Result image;
            try (InputStream in = upload.source().getInputStream()) {
                image = Thumbnails.of(in).orElse(null);
            }
            if (image != null) {
                width = image.width();
                height = image.height();
                if (image.png() != null) {
                    thumbKey = newKey(written);
                    storage.put(thumbKey, new ByteArrayInputStream(image.png()), image.png().length, "image/png");
                }
            }
        }
        return attachments.insert(new StoredAttachment(0, accountId, messageId, type.apiName(), upload.fileName(), contentType,
                upload.size(), width, height, key, thumbKey));
    }

    /** A fresh key, recorded as pending before any byte is written under it. */
    private String newKey(List<String> written) {
        String key = UUID.randomUUID().toString().replace("-", "");
        cleanup.markPending(key);
        written.add(key);
        return key;
    }
}
