package org.rulestead.audit;

import java.util.Objects;
import java.util.Set;

/**
 * Which of one flag's events to list: those in one environment and its flag-wide ones (create,
 * update, archive), optionally only of some event types, by one actor, by people or by automation,
 * with one outcome; {@code before} is the paging cursor (the chain position of the previous page's
 * last event).
 *
 * @param eventTypes the types to keep; empty keeps every type
 * @param automated true: automation only, false: people (operators) only, null: both
 */
public record FlagHistoryQuery(
        String flagKey,
        String environmentKey,
        Set<String> eventTypes,
        String actorId,
        Boolean automated,
        AuditOutcome outcome,
        Long before,
        int limit) {

    public FlagHistoryQuery {
        Objects.requireNonNull(flagKey, "flag key is required");
        Objects.requireNonNull(environmentKey, "environment key is required");
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
        limit = limit <= 0 ? AuditQuery.DEFAULT_LIMIT : Math.min(limit, AuditQuery.MAX_LIMIT);
    }

    /** The newest {@code limit} events of the flag here, of any kind. */
    public static FlagHistoryQuery latest(String flagKey, String environmentKey, int limit) {
        return new FlagHistoryQuery(flagKey, environmentKey, Set.of(), null, null, null, null, limit);
    }

    /** The newest {@code limit} events of the flag here of these types. */
    public static FlagHistoryQuery latest(String flagKey, String environmentKey, Set<String> eventTypes, int limit) {
        return new FlagHistoryQuery(flagKey, environmentKey, eventTypes, null, null, null, null, limit);
    }
}
