package dev.parley.attachment.application;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * The content type read from the first bytes (Tika's magic numbers), the file name only refining it (a plain text
 * file named .html is HTML). What the client declared is never asked.
 */
@Component
public class TypeDetection {

    private final Tika tika = new Tika();

    public String detect(InputStream in, String fileName) throws IOException {
        try (var buffered = new java.io.BufferedInputStream(in)) {
            return tika.detect(buffered, fileName);
        }
    }
}
