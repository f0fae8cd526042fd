package org.rulestead.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rulestead.evaluation.Bucketing;

/**
 * The floor under every bucketed evaluation: one SHA-256 of the rollout shape's bucketing payload
 * ({@code v1:rollout:<flag>:<rule>:<salt>:<user>}), already encoded, into a reused digest and
 * output, nothing allocated.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Sha256FloorBenchmark {

    private final byte[][] payloads = new byte[Users.COUNT][];
    private final byte[] out = new byte[32];
    private MessageDigest digest;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws NoSuchAlgorithmException {
        digest = MessageDigest.getInstance("SHA-256");
        String salt = Bucketing.effectiveSalt(
                RulesteadSide.RULESET_SALT, RulesteadSide.ROLLOUT_SALT, "subject", Bucketing.ROLLOUT);
        for (int i = 0; i < Users.COUNT; i++) {
            payloads[i] = ("v1:rollout:" + Shape.FLAG_KEY + ":" + RulesteadSide.rolloutRuleKey() + ":" + salt + ":"
                            + Users.key(i))
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public byte sha256() throws DigestException {
        digest.update(payloads[next++ & Users.MASK]);
        digest.digest(out, 0, out.length);
        return out[0];
    }
}
