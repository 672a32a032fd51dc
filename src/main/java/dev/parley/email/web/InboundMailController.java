package dev.parley.email.web;

import dev.parley.email.application.MailImport;
import dev.parley.email.persistence.EmailSecretsRepository;
import dev.parley.inbox.InboxQueries;
import dev.parley.shared.NotAuthorized;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The raw-message door for mail relays (a Postfix pipe, a mail service's inbound webhook): POST the RFC 822 bytes to
 * the inbox's {@code inbound_url} with {@code Authorization: Bearer <inbound_secret>}. Answers what became of the mail.
 */
@RestController
class InboundMailController {

    private final EmailSecretsRepository secrets;
    private final InboxQueries inboxes;
    private final MailImport imports;
    private final long maxBytes;

    InboundMailController(EmailSecretsRepository secrets, InboxQueries inboxes, MailImport imports,
                          @Value("${parley.email.max-raw-size:52428800}") long maxBytes) {
        this.secrets = secrets;
        this.inboxes = inboxes;
        this.imports = imports;
        this.maxBytes = maxBytes;
    }

    @PostMapping("/email/inbound/{token}")
    Map<String, Object> receive(@PathVariable String token, HttpServletRequest request) throws IOException {
        String presented = presentedSecret(request);
        var inbox = secrets.byForwardToken(token)
                .filter(s -> presented != null && MessageDigest.isEqual(s.inboundSecret().getBytes(StandardCharsets.UTF_8),
                        presented.getBytes(StandardCharsets.UTF_8)))
                .flatMap(s -> inboxes.byId(s.inboxId()))
                .orElseThrow(() -> new NotAuthorized("Unknown inbound address or wrong secret"));
        byte[] raw;
        try (InputStream in = request.getInputStream()) {
            raw = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (raw.length > maxBytes) throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "the mail is larger than " + maxBytes + " bytes");
        if (raw.length == 0) throw dev.parley.shared.InvalidInput.of("message", "can't be blank (send the raw RFC 822 mail as the body)");
        return Map.of("status", imports.receive(inbox, raw).name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String presentedSecret(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return authorization.substring(7).strip();
        return request.getHeader("X-Parley-Inbound-Secret");
    }
}
