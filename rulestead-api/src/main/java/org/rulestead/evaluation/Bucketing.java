package org.rulestead.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Sticky bucketing, bit for bit the reference's (spec §2.8): SHA-256 over
 * {@code v1:<namespace>:<flag>:<rule>:<effective salt>:<identity>}, the first eight bytes as an
 * unsigned big-endian integer, modulo 10,000. The same inputs give the same bucket everywhere.
 */
public final class Bucketing {

    public static final int HASH_VERSION = 1;
    public static final int BUCKET_COUNT = 10_000;

    /** Namespaces keep the rollout, variant and experiment buckets of one identity independent. */
    public static final String ROLLOUT = "rollout";

    public static final String VARIANT = "variant";
    public static final String EXPERIMENT = "experiment";

    private Bucketing() {}

    /** The bucket (0..9999) of {@code identity} for one flag, rule, salt and namespace. */
    public static int bucket(String flagKey, String ruleKey, String effectiveSalt, String identity, String namespace) {
        return Hasher.of(flagKey, ruleKey, effectiveSalt, namespace).bucket(identity);
    }

    /**
     * {@code trim(rulesetSalt) + ":" + trim(rolloutSalt) + ":" + bucketBy + ":" + namespace}, with
     * a missing salt as the empty string and a missing {@code bucket_by} as {@code subject}.
     */
    public static String effectiveSalt(Object rulesetSalt, Object rolloutSalt, Object bucketBy, String namespace) {
        String by = bucketBy == null ? "subject" : Values.trimOrEmpty(bucketBy);
        return Values.trimOrEmpty(rulesetSalt) + ":" + Values.trimOrEmpty(rolloutSalt) + ":" + by + ":" + namespace;
    }

    /** The bucket of a 64-bit seed: unsigned remainder, never {@code %} or {@code floorMod}. */
    static int bucketOf(byte[] digest) {
        long seed = 0;
        for (int i = 0; i < 8; i++) {
            seed = (seed << 8) | (digest[i] & 0xFFL);
        }
        return (int) Long.remainderUnsigned(seed, BUCKET_COUNT);
    }

    /**
     * Buckets identities for one fixed hash prefix. The digest of the prefix is computed once, when
     * a flag is compiled; each evaluation hashes only the identity on a copy of it.
     */
    static final class Hasher {

        private final byte[] prefix;
        private final MessageDigest primed;

        private Hasher(byte[] prefix, MessageDigest primed) {
            this.prefix = prefix;
            this.primed = primed;
        }

        static Hasher of(String flagKey, String ruleKey, String effectiveSalt, String namespace) {
            String prefix =
                    "v" + HASH_VERSION + ":" + namespace + ":" + flagKey + ":" + ruleKey + ":" + effectiveSalt + ":";
            byte[] bytes = prefix.getBytes(StandardCharsets.UTF_8);
            MessageDigest primed = sha256();
            primed.update(bytes);
            try {
                primed.clone();
                return new Hasher(bytes, primed);
            } catch (CloneNotSupportedException providerCannotCopy) {
                return new Hasher(bytes, null);
            }
        }

        int bucket(String identity) {
            MessageDigest digest = copyOfPrimed();
            digest.update(identity.getBytes(StandardCharsets.UTF_8));
            return bucketOf(digest.digest());
        }

        private MessageDigest copyOfPrimed() {
            if (primed != null) {
                try {
                    return (MessageDigest) primed.clone();
                } catch (CloneNotSupportedException checkedWhenCompiled) {
                    // cannot happen: the clone was tried when this hasher was made
                }
            }
            MessageDigest digest = sha256();
            digest.update(prefix);
            return digest;
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform provides SHA-256", e);
            }
        }
    }
}
