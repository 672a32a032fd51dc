package dev.parley.attachment;

/** How much one message may carry in an account. */
public record AttachmentLimits(long maxFileBytes, int maxFiles) {

    public static final AttachmentLimits DEFAULTS = new AttachmentLimits(40L * 1024 * 1024, 15);

    public static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
