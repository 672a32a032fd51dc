package dev.parley.attachment;

import org.springframework.core.io.InputStreamSource;

/** A file a client sent, not stored yet: its name as given, its size, and where to read it (a part spooled to disk). */
public record Upload(String fileName, long size, InputStreamSource source) {

    public Upload {
        fileName = fileName == null || fileName.isBlank() ? "file" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (fileName.length() > 255) fileName = fileName.substring(fileName.length() - 255);
    }

    public static Upload of(org.springframework.web.multipart.MultipartFile file) {
        return new Upload(file.getOriginalFilename(), file.getSize(), file);
    }
}
