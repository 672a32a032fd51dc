package dev.parley.attachment.persistence;

/** An attachment row: what is stored and where. */
public record StoredAttachment(long id, long accountId, long messageId, String fileType, String fileName, String contentType,
                               long fileSize, Integer width, Integer height, String storageKey, String thumbKey) {
}
