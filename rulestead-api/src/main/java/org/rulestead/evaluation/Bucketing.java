package org.rulestead.evaluation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
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

    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * The bucket of the digest's first eight bytes read as an unsigned big-endian seed, never
     * {@code %} or {@code floorMod} on the signed value. Since 10,000 = 16 × 625, the unsigned
     * remainder is 16 × ((seed >>> 4) mod 625) + (seed & 15), where {@code seed >>> 4} is never
     * negative: a division by a constant, which the JIT turns into a multiplication.
     */
    static int bucketOf(byte[] digest) {
        long seed = (long) BIG_ENDIAN_LONG.get(digest, 0);
        return (int) (16 * ((seed >>> 4) % 625) + (seed & 15));
    }

    /**
     * Buckets identities for one fixed hash prefix ({@code v1:<ns>:<flag>:<rule>:<salt>:}), encoded
     * once when a flag is compiled.
     */
    static final class Hasher {

        private final byte[] prefix;

        private Hasher(byte[] prefix) {
            this.prefix = prefix;
        }

        static Hasher of(String flagKey, String ruleKey, String effectiveSalt, String namespace) {
            String prefix =
                    "v" + HASH_VERSION + ":" + namespace + ":" + flagKey + ":" + ruleKey + ":" + effectiveSalt + ":";
            return new Hasher(prefix.getBytes(StandardCharsets.UTF_8));
        }

        int bucket(String identity) {
            return SCRATCH.get().bucket(prefix, identity);
        }

        int bucket(byte[] identityUtf8) {
            return SCRATCH.get().bucket(prefix, identityUtf8);
        }
    }

    /**
     * Per-thread working memory for hashing: a digest, a byte buffer and the output, reused so the
     * hot path allocates nothing. It holds no state between calls, only memory.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {

        private final MessageDigest digest = sha256();
        private final byte[] out = new byte[32];
        private byte[] message = new byte[256];
        private byte[] resident;

        int bucket(byte[] prefix, String identity) {
            int length = prefix.length + identity.length() * 3;
            if (message.length < length) {
                message = java.util.Arrays.copyOf(message, Math.max(length, message.length * 2));
            }
            // the buffer still holds the prefix when one flag's rule is evaluated many times over
            if (resident != prefix) {
                System.arraycopy(prefix, 0, message, 0, prefix.length);
                resident = prefix;
            }
            return digest(Utf8.encode(identity, message, prefix.length));
        }

        int bucket(byte[] prefix, byte[] identity) {
            int length = prefix.length + identity.length;
            if (message.length < length) {
                message = java.util.Arrays.copyOf(message, Math.max(length, message.length * 2));
            }
            if (resident != prefix) {
                System.arraycopy(prefix, 0, message, 0, prefix.length);
                resident = prefix;
            }
            System.arraycopy(identity, 0, message, prefix.length, identity.length);
            return digest(length);
        }

        private int digest(int end) {
            digest.update(message, 0, end);
            try {
                digest.digest(out, 0, out.length);
            } catch (DigestException cannotHappen) {
                throw new IllegalStateException("a SHA-256 digest fits in 32 bytes", cannotHappen);
            }
            return bucketOf(out);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
