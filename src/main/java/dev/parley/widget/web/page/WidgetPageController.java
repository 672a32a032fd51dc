package dev.parley.widget.web.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the chat window at Chatwoot's address. Any site may frame it ({@code frame-ancestors *}, which also overrides
 * the X-Frame-Options the security filters add); it runs only this server's scripts and talks only to this server.
 */
@Controller
class WidgetPageController {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https:; "
            + "media-src 'self' blob: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors *";

    private final String page;

    WidgetPageController() {
        try {
            page = new ClassPathResource("static/widget/index.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page is the same for every inbox and visitor: website_token and cw_conversation are read by its script. */
    @GetMapping("/widget")
    ResponseEntity<String> widget() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", POLICY)
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .body(page);
    }
}
