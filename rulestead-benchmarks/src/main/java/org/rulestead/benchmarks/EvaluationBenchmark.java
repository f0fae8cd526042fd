package org.rulestead.benchmarks;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.LDClient;
import io.getunleash.Unleash;
import io.getunleash.UnleashContext;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rulestead.evaluation.CompiledFlag;
import org.rulestead.evaluation.EvaluationContext;

/**
 * One evaluation of one flag shape for the next of 1,024 users, by each SDK. Each answer is
 * returned, so JMH consumes it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluationBenchmark {

    @Param({"FORCED", "TARGETING_SHARED", "TARGETING_DISTINCT", "ROLLOUT", "SPLIT"})
    public Shape shape;

    private CompiledFlag rulestead;
    private EvaluationContext[] rulesteadUsers;
    private LDClient launchDarkly;
    private LDContext[] launchDarklyUsers;
    private Unleash unleash;
    private UnleashContext[] unleashUsers;
    private boolean split;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        rulestead = RulesteadSide.flag(shape);
        rulesteadUsers = RulesteadSide.contexts(shape);
        launchDarkly = LaunchDarklySide.client(shape);
        launchDarklyUsers = LaunchDarklySide.contexts(shape);
        unleash = UnleashSide.client(shape);
        unleashUsers = UnleashSide.contexts(shape);
        split = shape == Shape.SPLIT;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        launchDarkly.close();
        unleash.shutdown();
    }

    @Benchmark
    public Object rulestead() {
        return rulestead.evaluate(rulesteadUsers[next++ & Users.MASK]);
    }

    @Benchmark
    public Object launchDarkly() {
        LDContext user = launchDarklyUsers[next++ & Users.MASK];
        return split
                ? launchDarkly.stringVariation(Shape.FLAG_KEY, user, "none")
                : launchDarkly.boolVariation(Shape.FLAG_KEY, user, false);
    }

    @Benchmark
    public Object unleash() {
        UnleashContext user = unleashUsers[next++ & Users.MASK];
        return split ? unleash.getVariant(Shape.FLAG_KEY, user) : unleash.isEnabled(Shape.FLAG_KEY, user);
    }
}
