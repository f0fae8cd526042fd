package org.rulestead.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §2.8 and the test vectors of §2.12: bit-for-bit the reference's buckets. */
class BucketingTest {

    @ParameterizedTest(name = "vector {0}: {1}/{2} {6}")
    @CsvSource(
            nullValues = "null",
            value = {
                "1,  checkout-redesign, rollout-10,      checkout:v1, r1,           subject, user-123, 369,  7511",
                "2,  checkout-redesign, rollout-10,      checkout:v1, r1,           subject, user-456, 8840, 8533",
                "3,  checkout-redesign, rollout-10,      checkout:v1, r1,           subject, user-789, 64,   3099",
                "4,  checkout-color,    color-split,     color:v1,    all,          subject, user-123, 6263, 775",
                "5,  pricing-test,      account-rollout, pricing:v2,  account,      account, acct-42,  7032, 2921",
                "6,  tenant-flag,       tenant-rule,     tenant-salt, rollout-salt, tenant,  acme,     3219, 7640",
                "7,  variant-flag,      all-users,       variant,     all,          subject, user-1,   3191, 9866",
                "8,  variant-flag,      all-users,       variant,     all,          subject, user-2,   7252, 5237",
                "9,  variant-flag,      all-users,       variant,     all,          subject, user-3,   1733, 3366",
                "10, f,                 r,               null,        null,         null,    user-1,   7395, -1",
                "11, f,                 r,               null,        null,         null,    user-2,   2441, -1",
            })
    void theSpecVectorsGiveTheirBuckets(
            int row,
            String flag,
            String rule,
            String rulesetSalt,
            String rolloutSalt,
            String bucketBy,
            String identity,
            int rolloutBucket,
            int variantBucket) {
        String rolloutSaltJoined = Bucketing.effectiveSalt(rulesetSalt, rolloutSalt, bucketBy, Bucketing.ROLLOUT);
        assertThat(Bucketing.bucket(flag, rule, rolloutSaltJoined, identity, Bucketing.ROLLOUT))
                .as("rollout bucket of row %d", row)
                .isEqualTo(rolloutBucket);
        if (variantBucket >= 0) {
            String variantSalt = Bucketing.effectiveSalt(rulesetSalt, rolloutSalt, bucketBy, Bucketing.VARIANT);
            assertThat(Bucketing.bucket(flag, rule, variantSalt, identity, Bucketing.VARIANT))
                    .as("variant bucket of row %d", row)
                    .isEqualTo(variantBucket);
        }
    }

    @Test
    void emptySaltsLeaveEmptySegments() {
        assertThat(Bucketing.effectiveSalt(null, null, null, Bucketing.ROLLOUT)).isEqualTo("::subject:rollout");
        assertThat(Bucketing.effectiveSalt(" checkout:v1 ", " r1 ", "subject", Bucketing.VARIANT))
                .isEqualTo("checkout:v1:r1:subject:variant");
    }

    @Test
    void theSeedIsUnsigned() {
        // seed 0xffc2d831edc3f481: unsigned gives 369; Java's % would give -1247 and floorMod 8753
        assertThat(Bucketing.bucket(
                        "checkout-redesign", "rollout-10", "checkout:v1:r1:subject:rollout", "user-123", "rollout"))
                .isEqualTo(369);
    }

    @Test
    void tenPercentOfAHundredThousandKeysFallInATenPercentRollout() {
        String salt = Bucketing.effectiveSalt("checkout:v1", "r1", "subject", Bucketing.ROLLOUT);
        long included = IntStream.range(0, 100_000)
                .filter(i -> Bucketing.bucket("checkout-redesign", "rollout-10", salt, "user-" + i, Bucketing.ROLLOUT)
                        < 1000)
                .count();
        assertThat(included).isEqualTo(10_022);
    }

    @Property
    void theSameInputsGiveTheSameBucketInRange(
            @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 40) String identity,
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String flag,
            @ForAll @AlphaChars @StringLength(max = 20) String salt) {
        String effective = Bucketing.effectiveSalt(salt, "", "subject", Bucketing.ROLLOUT);
        int first = Bucketing.bucket(flag, "rule", effective, identity, Bucketing.ROLLOUT);
        int second = Bucketing.bucket(flag, "rule", effective, identity, Bucketing.ROLLOUT);
        assertThat(first).isEqualTo(second).isBetween(0, Bucketing.BUCKET_COUNT - 1);
    }

    @Property
    void bucketsAreTheUnsignedRemainderOfTheFirstEightBytes(
            @ForAll @StringLength(min = 1, max = 60) String identity, @ForAll @IntRange(min = 0, max = 2) int ns)
            throws Exception {
        String namespace = new String[] {"rollout", "variant", "experiment"}[ns];
        String salt = Bucketing.effectiveSalt("s", "r", "subject", namespace);
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(("v1:" + namespace + ":flag:rule:" + salt + ":" + identity).getBytes(StandardCharsets.UTF_8));
        long seed = ByteBuffer.wrap(digest, 0, 8).getLong();
        int expected = new java.math.BigInteger(Long.toUnsignedString(seed))
                .mod(java.math.BigInteger.valueOf(10_000))
                .intValueExact();
        assertThat(Bucketing.bucket("flag", "rule", salt, identity, namespace)).isEqualTo(expected);
    }
}
