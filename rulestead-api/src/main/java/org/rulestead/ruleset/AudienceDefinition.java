package org.rulestead.ruleset;

import java.util.List;

/**
 * What makes a context a member of an audience (spec §1.6, §2.7): every clause of {@code clauses}
 * and {@code conditions} must pass (the two lists are one, kept apart as authored). No clause at
 * all matches everybody.
 */
public record AudienceDefinition(List<AudienceClause> conditions, List<AudienceClause> clauses, Extras extras) {

    public AudienceDefinition {
        conditions = List.copyOf(conditions);
        clauses = List.copyOf(clauses);
        extras = Extras.orNone(extras);
    }

    /** All clauses, in the order the evaluator checks them. */
    public List<AudienceClause> allClauses() {
        return java.util.stream.Stream.concat(clauses.stream(), conditions.stream())
                .toList();
    }
}
