package org.rulestead.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes and hashes API key secrets: {@code rsk_} and 32 random bytes, so a plain SHA-256 is enough
 * to store them (nobody can guess their way through 256 bits).
 */
final class ApiKeySecrets {

    static final String PREFIX = "rsk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {}

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** What admins see of a key: enough to tell keys apart, not to use one. */
    static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(secret.length(), PREFIX.length() + 6));
    }
}
