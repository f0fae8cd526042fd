package org.rulestead.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Collects evaluation evidence (spec §8.3) in memory as evaluations happen: per flag, environment
 * and variant ({@code unknown} when none), how many were served and when last. {@link
 * EvidenceFlusher} drains it into the database every few seconds.
 */
@ApplicationScoped
public class EvaluationEvidence {

    static final String NO_VARIANT = "unknown";

    /** One counter: served so far, last evaluated (epoch milliseconds). */
    static final class Tally {
        final LongAdder served = new LongAdder();
        final AtomicLong lastMillis = new AtomicLong();
    }

    record Key(String flagKey, String environmentKey, String variant) {}

    private final AtomicReference<Map<Key, Tally>> pending = new AtomicReference<>(new ConcurrentHashMap<>());

    /** Records one successful evaluation; errors are not evidence. */
    public void record(String environmentKey, String flagKey, String variant) {
        Tally tally = pending.get()
                .computeIfAbsent(
                        new Key(flagKey, environmentKey, variant == null ? NO_VARIANT : variant), key -> new Tally());
        tally.served.increment();
        tally.lastMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
    }

    /** Takes everything recorded so far, leaving an empty collection for what comes next. */
    Map<Key, Tally> drain() {
        return pending.getAndSet(new ConcurrentHashMap<>());
    }

    /** Puts back what could not be written, so no evidence is lost. */
    void restore(Map<Key, Tally> unwritten) {
        unwritten.forEach((key, tally) -> {
            Tally current = pending.get().computeIfAbsent(key, k -> new Tally());
            current.served.add(tally.served.sum());
            current.lastMillis.accumulateAndGet(tally.lastMillis.get(), Math::max);
        });
    }

    static Instant instant(Tally tally) {
        return Instant.ofEpochMilli(tally.lastMillis.get());
    }
}
