package org.rulestead.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code segment_match} rule's audience, resolved from the payload's audiences when the flag is
 * compiled (spec §2.7). Fail-closed: a missing or archived audience never matches; an audience
 * whose definition has no clauses matches everybody.
 */
final class AudienceCheck {

    private enum State {
        MISSING,
        ARCHIVED,
        UNREADABLE,
        DEFINED
    }

    private final String audienceKey;
    private final State state;
    private final Condition[] clauses;

    private AudienceCheck(String audienceKey, State state, Condition[] clauses) {
        this.audienceKey = audienceKey;
        this.state = state;
        this.clauses = clauses;
    }

    static AudienceCheck of(Object audienceKey, Object audiences) {
        String key = audienceKey instanceof String text && !text.isBlank() ? text : null;
        Object audience = key != null && audiences instanceof Map<?, ?> map ? map.get(key) : null;
        if (!(audience instanceof Map<?, ?> entry)) {
            return new AudienceCheck(key, State.MISSING, new Condition[0]);
        }
        if (entry.get("archived_at") != null) {
            return new AudienceCheck(key, State.ARCHIVED, new Condition[0]);
        }
        if (!(entry.get("definition") instanceof Map<?, ?> definition)) {
            return new AudienceCheck(key, State.UNREADABLE, new Condition[0]);
        }
        List<Condition> clauses = new ArrayList<>();
        for (String part : List.of("clauses", "conditions")) {
            if (definition.get(part) instanceof List<?> list) {
                list.forEach(clause -> clauses.add(Condition.ofAudience(clause)));
            }
        }
        return new AudienceCheck(key, State.DEFINED, clauses.toArray(Condition[]::new));
    }

    /** Hot path: whether the context is in the audience. */
    boolean admits(EvaluationContext context) {
        if (state != State.DEFINED) {
            return false;
        }
        for (Condition clause : clauses) {
            if (!clause.passes(context)) {
                return false;
            }
        }
        return true;
    }

    /** {@code null} when the context is in the audience, else the skip that ends the rule. */
    Outcome.Skip check(Walk walk) {
        switch (state) {
            case MISSING -> {
                walk.warn(DebugTrace.Warning.audience("audience_missing", audienceKey));
                record(walk, false, "missing");
                return Outcome.AUDIENCE_MISSING;
            }
            case ARCHIVED -> {
                walk.warn(DebugTrace.Warning.audience("audience_archived", audienceKey));
                record(walk, false, "archived");
                return Outcome.AUDIENCE_ARCHIVED;
            }
            case UNREADABLE -> {
                record(walk, false, "missed");
                return Outcome.AUDIENCE_MISSED;
            }
            default -> {
                for (Condition clause : clauses) {
                    if (!clause.passes(walk.context())) {
                        record(walk, false, "missed");
                        return Outcome.AUDIENCE_MISSED;
                    }
                }
                record(walk, true, "matched");
                return null;
            }
        }
    }

    private void record(Walk walk, boolean matched, String reason) {
        if (walk.tracing()) {
            walk.recorder().audience = new DebugTrace.AudienceTrace(audienceKey, matched, reason);
        }
    }
}
