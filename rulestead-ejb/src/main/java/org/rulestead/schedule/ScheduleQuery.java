package org.rulestead.schedule;

/**
 * One page of scheduled executions, newest first: in one environment (every readable one when
 * null), in one state (any when null), older than {@code before} (the previous page's cursor).
 */
public record ScheduleQuery(String environmentKey, ExecutionState state, Long before, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
}
