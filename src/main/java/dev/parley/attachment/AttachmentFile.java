package dev.parley.attachment;

import org.springframework.core.io.InputStreamSource;

/** A stored attachment's bytes, for a channel that sends them on (e.g. as a mail part): read from the storage when opened. */
public record AttachmentFile(String fileName, String contentType, long size, InputStreamSource source) {
}
