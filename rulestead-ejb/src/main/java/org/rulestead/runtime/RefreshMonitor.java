package org.rulestead.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * What this node's refresh worker last learnt from the database, read without touching it. A
 * database that refuses connections fails a poll at once; one that hangs fails nothing until a
 * timeout, so a node also stops trusting its snapshots once no poll has succeeded for a while
 * ({@link #staleAfterMillis()}): answers are then marked stale, whatever the worker is waiting for.
 */
@ApplicationScoped
public class RefreshMonitor {

    private static final long MIN_STALE_AFTER_MILLIS = 5_000;

    private volatile long staleAfterNanos = TimeUnit.MILLISECONDS.toNanos(MIN_STALE_AFTER_MILLIS);
    private volatile long lastSuccessNanos;
    private volatile Instant lastSuccessAt;
    private volatile Instant lastAttemptAt;
    private volatile long pollingSinceNanos;
    private volatile int consecutiveFailures;
    private volatile String lastError;

    /** How the refresh worker is doing, for diagnostics. */
    public record WorkerStatus(
            String state,
            String database,
            Instant lastAttemptAt,
            Instant lastSuccessAt,
            Long pollingForMs,
            int consecutiveFailures,
            String lastError,
            long staleAfterMs) {}

    /** The poll interval sets how long silence may last: ten polls, and never under five seconds. */
    void expectPollsEvery(long pollMillis) {
        staleAfterNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(MIN_STALE_AFTER_MILLIS, 10 * pollMillis));
    }

    void attempting() {
        lastAttemptAt = Instant.now();
        pollingSinceNanos = System.nanoTime();
    }

    void succeeded() {
        lastSuccessNanos = System.nanoTime();
        lastSuccessAt = Instant.now();
        consecutiveFailures = 0;
        lastError = null;
        pollingSinceNanos = 0;
    }

    void failed(String error) {
        consecutiveFailures++;
        lastError = error;
        pollingSinceNanos = 0;
    }

    /** Whether the database confirmed, recently enough, that this node has the latest state. */
    public boolean confirmed() {
        long last = lastSuccessNanos;
        return last != 0 && consecutiveFailures == 0 && System.nanoTime() - last < staleAfterNanos;
    }

    public long staleAfterMillis() {
        return TimeUnit.NANOSECONDS.toMillis(staleAfterNanos);
    }

    public WorkerStatus status() {
        long since = pollingSinceNanos;
        Long pollingFor = since == 0 ? null : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
        String state = pollingFor == null ? "idle" : pollingFor > staleAfterMillis() ? "stuck" : "polling";
        String database;
        if (confirmed()) {
            database = "reachable";
        } else if (lastSuccessNanos == 0 && consecutiveFailures == 0 && pollingFor == null) {
            database = "unknown";
        } else {
            database = "unreachable";
        }
        return new WorkerStatus(
                state,
                database,
                lastAttemptAt,
                lastSuccessAt,
                pollingFor,
                consecutiveFailures,
                lastError,
                staleAfterMillis());
    }
}
