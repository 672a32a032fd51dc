package dev.parley.shared;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable random tokens (access tokens, inbox identifiers, HMAC secrets). */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
