package org.rulestead.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of a targeting shape, which every SDK's flag is built from, and the attributes every
 * benchmark user carries. Ten rules of three string-equality conditions; users pass the first two
 * conditions of every rule and the third only in the last rule. An SDK that stops a rule at its
 * first failing condition therefore still reaches all thirty, and only the last rule matches.
 */
record Targeting(List<Rule> rules, Map<String, String> userAttributes) {

    static final int RULES = 10;
    static final int CONDITIONS_PER_RULE = 3;

    /** A user's value for a condition it fails: no operand of either shape. */
    static final String MISS = "miss";

    /**
     * {@code country} and {@code plan} repeated in every rule, then {@code segment-<rule>}: 12
     * distinct conditions, which an engine that remembers a condition's outcome checks once each.
     */
    static final Targeting SHARED = shared();

    /** Thirty distinct attribute/operand pairs: nothing a rule checks is checked by another. */
    static final Targeting DISTINCT = distinct();

    record Condition(String attribute, String operand) {}

    record Rule(String key, List<Condition> conditions) {}

    Targeting {
        rules = List.copyOf(rules);
        userAttributes = Map.copyOf(userAttributes);
    }

    Rule lastRule() {
        return rules.get(rules.size() - 1);
    }

    /** Whether a user with {@code attributes} passes the condition. */
    static boolean passes(Condition condition, Map<String, String> attributes) {
        return condition.operand().equals(attributes.get(condition.attribute()));
    }

    /** The users' attributes with the last rule's last condition failed: then no rule matches. */
    Map<String, String> attributesMissingTheLastRule() {
        Map<String, String> attributes = new LinkedHashMap<>(userAttributes);
        List<Condition> last = lastRule().conditions();
        attributes.put(last.get(last.size() - 1).attribute(), MISS);
        return attributes;
    }

    private static Targeting shared() {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < RULES; i++) {
            rules.add(new Rule(
                    "rule-" + i,
                    List.of(
                            new Condition("country", "PT"),
                            new Condition("plan", "enterprise"),
                            new Condition("segment", "segment-" + i))));
        }
        return new Targeting(rules, Map.of("country", "PT", "plan", "enterprise", "segment", "segment-" + (RULES - 1)));
    }

    private static Targeting distinct() {
        List<Rule> rules = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < RULES; i++) {
            List<Condition> conditions = new ArrayList<>();
            for (int j = 0; j < CONDITIONS_PER_RULE; j++) {
                Condition condition = new Condition("attr-" + i + "-" + j, "value-" + i + "-" + j);
                conditions.add(condition);
                boolean lastOfRule = j == CONDITIONS_PER_RULE - 1;
                // present but different, not absent: no SDK may take a missing-attribute shortcut
                attributes.put(condition.attribute(), lastOfRule && i < RULES - 1 ? MISS : condition.operand());
            }
            rules.add(new Rule("rule-" + i, conditions));
        }
        return new Targeting(rules, attributes);
    }
}
