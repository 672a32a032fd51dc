/**
 * Files: attachments on messages and the storage behind them (file system by default, any S3-compatible store by
 * configuration). Owns the attachment rows, per-account limits, signed expiring download URLs and thumbnails;
 * {@link dev.parley.attachment.Attachments} is what the conversation module calls to check, store, show and remove a
 * message's files. Publishes and listens to nothing; depends only on the kernel and on accounts.
 */
package dev.parley.attachment;
