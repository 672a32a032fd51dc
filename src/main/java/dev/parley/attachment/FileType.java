package dev.parley.attachment;

import java.util.Set;

/** Chatwoot's attachment file types, decided from the detected content type, never from the client's word. */
public enum FileType {
    IMAGE, AUDIO, VIDEO, FILE;

    /** Raster images browsers show without running anything; SVG is not one of them (it can carry script). */
    static final Set<String> SAFE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp");

    public static FileType of(String contentType) {
        if (SAFE_IMAGES.contains(contentType)) return IMAGE;
        if (contentType.startsWith("audio/")) return AUDIO;
        if (contentType.startsWith("video/")) return VIDEO;
        return FILE;
    }

    /** What may be shown in the browser rather than downloaded. */
    public static boolean inline(String contentType) {
        return of(contentType) != FILE || "application/pdf".equals(contentType);
    }

    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
