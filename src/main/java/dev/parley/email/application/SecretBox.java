package dev.parley.email.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts mail passwords at rest with AES-256-GCM. The key is {@code parley.email.secret-key} (env
 * PARLEY_EMAIL_SECRET_KEY, 32 bytes in base64); without it, a key generated once into
 * {@code <PARLEY_DATA_DIR>-secrets/email.key}, or (no data dir: tests) a key that lives as long as the process.
 * Several nodes must share the configured key.
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(@Value("${parley.email.secret-key:}") String configured, @Value("${parley.data-dir:}") String dataDir) {
        this.key = new SecretKeySpec(keyBytes(configured, dataDir), "AES");
    }

    public String seal(String plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(iv) + ":" + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** A hex HMAC-SHA256 of the text under this server's key (for reply addresses that cannot be made up). */
    public String mac(String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** The plain text, or null when it was sealed with another key (the password must be entered again). */
    public String open(String sealed) {
        if (sealed == null) return null;
        try {
            String[] parts = sealed.split(":");
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Base64.getDecoder().decode(parts[1])));
            return new String(cipher.doFinal(Base64.getDecoder().decode(parts[2])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | RuntimeException e) {
            log.warn("A stored mail password cannot be decrypted with this server's key; enter it again in the inbox settings");
            return null;
        }
    }

    private static byte[] keyBytes(String configured, String dataDir) {
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = Base64.getDecoder().decode(configured.strip());
            if (bytes.length != 32) throw new IllegalStateException("parley.email.secret-key must be 32 bytes in base64");
            return bytes;
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        if (dataDir == null || dataDir.isBlank()) return fresh;
        Path file = Path.of(dataDir + "-secrets", "email.key");
        try {
            if (Files.exists(file)) return Base64.getDecoder().decode(Files.readString(file).strip());
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.info("Generated the key that encrypts mail passwords: {} (set PARLEY_EMAIL_SECRET_KEY to share one across nodes)", file);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }
}
