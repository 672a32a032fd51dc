package dev.parley.widget.application;

import dev.parley.shared.JsonCodec;
import dev.parley.widget.persistence.WidgetSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The visitor token ({@code X-Auth-Token}): a JWT (HS256) naming the visitor's contact inbox by {@code source_id} and
 * {@code inbox_id}, as Chatwoot's {@code Widget::TokenService} makes it, signed with the secret every node reads
 * from the database. The browser keeps it; a token that does not verify names nobody.
 */
@Component
public class VisitorTokens {

    /** Who a valid token names. */
    public record Claims(String sourceId, long inboxId) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = ENCODER.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final WidgetSecrets secrets;
    private final JsonCodec json;
    private volatile byte[] secret;

    VisitorTokens(WidgetSecrets secrets, JsonCodec json) {
        this.secrets = secrets;
        this.json = json;
    }

    public String issue(String sourceId, long inboxId) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("source_id", sourceId);
        payload.put("inbox_id", inboxId);
        String body = HEADER + "." + ENCODER.encodeToString(json.write(payload).getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(sign(body));
    }

    public Optional<Claims> verify(String token) {
        if (token == null || token.length() > 2048) return Optional.empty();
        String[] parts = token.trim().split("\\.");
        if (parts.length != 3 || !HEADER.equals(parts[0])) return Optional.empty();
        try {
            byte[] given = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(sign(parts[0] + "." + parts[1]), given)) return Optional.empty();
            Map<String, Object> payload = json.readMap(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            if (!(payload.get("source_id") instanceof String source) || !(payload.get("inbox_id") instanceof Number inbox)) {
                return Optional.empty();
            }
            return Optional.of(new Claims(source, inbox.longValue()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private byte[] key() {
        if (secret == null) secret = secrets.secret().getBytes(StandardCharsets.UTF_8);
        return secret;
    }
}
