package dev.parley.attachment;

import dev.parley.attachment.application.AttachmentStore;
import dev.parley.attachment.application.KeptFiles;
import dev.parley.attachment.application.StorageCleanup;
import dev.parley.attachment.application.UrlSigner;
import dev.parley.attachment.persistence.AttachmentRepository;
import dev.parley.attachment.persistence.LimitsRepository;
import dev.parley.attachment.persistence.StoredAttachment;
import dev.parley.shared.InvalidInput;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files on messages: checks uploads against the account's limits, stores them in the message's transaction,
 * answers Chatwoot's attachment JSON with signed URLs, and removes a deleted message's files.
 */
@Service
public class Attachments {

    private final AttachmentStore store;
    private final AttachmentRepository rows;
    private final LimitsRepository limits;
    private final StorageCleanup cleanup;
    private final UrlSigner signer;
    private final PublicUrl publicUrl;
    private final KeptFiles keptFiles;

    Attachments(AttachmentStore store, AttachmentRepository rows, LimitsRepository limits, StorageCleanup cleanup, UrlSigner signer,
                PublicUrl publicUrl, KeptFiles keptFiles) {
        this.keptFiles = keptFiles;
        this.store = store;
        this.rows = rows;
        this.limits = limits;
        this.cleanup = cleanup;
        this.signer = signer;
        this.publicUrl = publicUrl;
    }

    /** Refuses uploads over the account's limits (422 naming the file and the limit) before anything is stored. */
    public void check(long accountId, List<Upload> uploads) {
        if (uploads.isEmpty()) return; // no files, no limits to read (most messages)
        AttachmentLimits l = limits(accountId);
        if (uploads.size() > l.maxFiles()) {
            throw InvalidInput.of("attachments", "can have at most " + l.maxFiles() + " files a message (" + uploads.size() + " were sent)");
        }
        for (Upload u : uploads) {
            if (u.size() > l.maxFileBytes()) {
                throw InvalidInput.of("attachments", u.fileName() + " is " + AttachmentLimits.megabytes(u.size()) + "; the limit is "
                        + AttachmentLimits.megabytes(l.maxFileBytes()) + " a file");
            }
        }
    }

    /** Stores the files of a message that is being written; must run inside that message's transaction. */
    @Transactional
    public List<AttachmentJson> attach(long accountId, long messageId, List<Upload> uploads) {
        if (uploads.isEmpty()) return List.of();
        check(accountId, uploads);
        return store.attach(accountId, messageId, uploads).stream().map(this::json).toList();
    }

    /** Each message's attachments, in one query; messages without any are absent. */
    public Map<Long, List<AttachmentJson>> ofMessages(Collection<Long> messageIds) {
        var byMessage = new LinkedHashMap<Long, List<AttachmentJson>>();
        for (StoredAttachment a : rows.ofMessages(messageIds)) {
            byMessage.computeIfAbsent(a.messageId(), id -> new java.util.ArrayList<>()).add(json(a));
        }
        return byMessage;
    }

    public List<AttachmentJson> ofMessage(long messageId) {
        return ofMessages(List.of(messageId)).getOrDefault(messageId, List.of());
    }

    /** A message's files with their bytes (read from the storage when each is opened), e.g. to send them by mail. */
    public List<AttachmentFile> filesOf(long messageId) {
        return rows.ofMessages(List.of(messageId)).stream()
                .map(a -> new AttachmentFile(a.fileName(), a.contentType(), a.fileSize(), () -> store.open(a))).toList();
    }

    /** A deleted message loses its files (as in Chatwoot); the bytes go once the deletion commits. */
    @Transactional
    public void removeFromMessage(long messageId) {
        cleanup.removeAfterCommit(rows.deleteOfMessage(messageId).stream()
                .flatMap(a -> Stream.of(a.storageKey(), a.thumbKey())).filter(Objects::nonNull).toList());
    }

    /** Keeps a file for an automation rule (Chatwoot's attach_file); returns its blob id. Same per-file limit as a message's. */
    @Transactional
    public long keepForRule(long accountId, Upload upload) {
        check(accountId, List.of(upload));
        return keptFiles.keep(accountId, upload).id();
    }

    /** Kept files of the account, ready to post as a message's files; unknown ids are left out. */
    public List<Upload> keptFiles(long accountId, Collection<Long> blobIds) {
        return keptFiles.asUploads(accountId, blobIds);
    }

    public AttachmentLimits limits(long accountId) {
        return limits.of(accountId);
    }

    @Transactional
    public AttachmentLimits changeLimits(long accountId, Long maxFileBytes, Integer maxFiles) {
        AttachmentLimits now = limits(accountId);
        var errors = new dev.parley.shared.Errors();
        if (maxFileBytes != null && (maxFileBytes < 1 || maxFileBytes > publicUrl.ceilingBytes())) {
            errors.add("max_file_size", "must be between 1 byte and the server's " + AttachmentLimits.megabytes(publicUrl.ceilingBytes()));
        }
        if (maxFiles != null && (maxFiles < 1 || maxFiles > 100)) errors.add("max_files", "must be between 1 and 100");
        errors.throwIfAny();
        var changed = new AttachmentLimits(maxFileBytes == null ? now.maxFileBytes() : maxFileBytes, maxFiles == null ? now.maxFiles() : maxFiles);
        limits.save(accountId, changed);
        return changed;
    }

    private AttachmentJson json(StoredAttachment a) {
        String name = a.fileName();
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && dot < name.length() - 1 ? name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : null;
        String base = publicUrl.base();
        return new AttachmentJson(a.id(), a.messageId(), a.fileType(), a.accountId(), extension, base + signer.path(a.id(), "file"),
                a.thumbKey() == null ? "" : base + signer.path(a.id(), "thumb"), a.fileSize(), a.width(), a.height(), name);
    }
}
