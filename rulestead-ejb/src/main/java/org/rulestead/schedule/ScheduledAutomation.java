package org.rulestead.schedule;

import java.util.Map;

/**
 * A kind of automation a feature runs through scheduled executions (the guarded rollout's
 * auto-advance tick, spec §5.6), chosen by the execution's {@code source}. It decides what the
 * due execution does, in the scheduler's transaction, and passes any governed change through the
 * gate as the scheduler: a feature plugs one in as a CDI bean.
 */
public interface ScheduledAutomation {

    /** The {@code source} of the executions it runs ({@code guardrail_automation}). */
    String source();

    /**
     * Runs {@code due} now and answers what it did for the execution's record ({@code outcome},
     * {@code reasons}, {@code explanation}, ...). Throwing fails the attempt: the scheduler retries
     * it, and quarantines it after the last attempt.
     */
    Map<String, Object> run(DueExecution due);
}
