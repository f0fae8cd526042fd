package org.rulestead.ruleset;

import java.util.List;

/**
 * An authored ruleset (spec §1.4): the ruleset-level bucketing salt (null when none) and the
 * rules in order, since order is semantics: the first rule that matches decides. A stored row's
 * other fields ({@code version}, {@code status}, {@code metadata}) travel in the extras.
 */
public record Ruleset(String salt, List<Rule> rules, Extras extras) {

    public Ruleset {
        rules = List.copyOf(rules);
        extras = Extras.orNone(extras);
    }

    /** The rule with {@code key}, if any. */
    public java.util.Optional<Rule> rule(String key) {
        return rules.stream().filter(rule -> rule.key().equals(key)).findFirst();
    }
}
