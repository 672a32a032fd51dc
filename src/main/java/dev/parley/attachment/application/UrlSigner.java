package dev.parley.attachment.application;

import dev.parley.attachment.persistence.LimitsRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs download paths: HMAC-SHA256 over attachment id, variant and expiry, with a secret kept in the database
 * so every node signs and checks alike. Expiry is rounded up to the next hour, so a page shows the same URL for
 * an hour and browsers can cache the image.
 */
@Component
public class UrlSigner {

    private final LimitsRepository secrets;
    private final Clock clock;
    private final Duration ttl;
    private volatile byte[] secret;

    UrlSigner(LimitsRepository secrets, Clock clock, @Value("${parley.attachments.url-ttl:P7D}") Duration ttl) {
        this.secrets = secrets;
        this.clock = clock;
        this.ttl = ttl;
    }

    public String path(long attachmentId, String variant) {
        long expires = -Math.floorDiv(-clock.instant().plus(ttl).getEpochSecond(), 3600L) * 3600;
        return "/attachments/" + attachmentId + "/" + variant + "?expires=" + expires + "&signature=" + sign(attachmentId, variant, expires);
    }

    public boolean valid(long attachmentId, String variant, long expires, String signature) {
        if (signature == null || expires < clock.instant().getEpochSecond()) return false;
        return MessageDigest.isEqual(sign(attachmentId, variant, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(long id, String variant, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((id + ":" + variant + ":" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        if (secret == null) secret = secrets.signingSecret().getBytes(StandardCharsets.UTF_8);
        return secret;
    }
}
