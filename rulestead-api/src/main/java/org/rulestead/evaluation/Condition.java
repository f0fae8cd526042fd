package org.rulestead.evaluation;

import java.util.Map;
import java.util.function.Predicate;

/**
 * One compiled condition: where its attribute comes from, its operator's test, and whether it is
 * negated (decision 2: {@code "negate": true} inverts the result, missing attributes included).
 */
final class Condition {

    private final String attribute;
    private final String operator;
    private final Object expected;
    private final AttributePath path;
    private final Predicate<Object> test;
    private final boolean negate;

    private Condition(String attribute, String operator, Object expected, boolean negate) {
        this(attribute, operator, expected, AttributePath.of(attribute), Operators.compile(operator, expected), negate);
    }

    private Condition(
            String attribute,
            String operator,
            Object expected,
            AttributePath path,
            Predicate<Object> test,
            boolean negate) {
        this.attribute = attribute;
        this.operator = operator;
        this.expected = expected;
        this.path = path;
        this.test = test;
        this.negate = negate;
    }

    /** This condition reading its attribute through {@code shared}, the flag's one path for it. */
    Condition readingThrough(AttributePath shared) {
        return new Condition(attribute, operator, expected, shared, test, negate);
    }

    AttributePath path() {
        return path;
    }

    /** Whether the condition passes on an attribute value already resolved through {@link #path}. */
    boolean holds(Object actual) {
        return negate != test.test(actual);
    }

    /** A rule condition: {@code attribute}, {@code operator}, {@code value}. */
    static Condition ofRule(Object raw) {
        Map<?, ?> map = raw instanceof Map<?, ?> m ? m : Map.of();
        return of(map, map.get("operator"));
    }

    /** An audience clause, which may name its operator {@code op}. */
    static Condition ofAudience(Object raw) {
        Map<?, ?> map = raw instanceof Map<?, ?> m ? m : Map.of();
        Object operator = map.get("operator");
        return of(map, operator != null ? operator : map.get("op"));
    }

    private static Condition of(Map<?, ?> map, Object operator) {
        Object value = map.get("value");
        return new Condition(
                map.get("attribute") instanceof String text ? text : null,
                operator instanceof String name ? name : null,
                value == null ? Map.of() : value,
                Boolean.TRUE.equals(map.get("negate")));
    }

    String attribute() {
        return attribute;
    }

    String operator() {
        return operator;
    }

    Object expected() {
        return expected;
    }

    boolean negated() {
        return negate;
    }

    boolean passes(EvaluationContext context) {
        return negate != test.test(path.resolve(context));
    }

    /** Evaluates and records the trace row: actual value, outcome and why. */
    DebugTrace.ConditionTrace trace(EvaluationContext context) {
        Object actual = path.resolve(context);
        boolean passed = negate != test.test(actual);
        String reason = passed ? "matched" : actual == null ? "missing_attribute" : "no_match";
        return new DebugTrace.ConditionTrace(attribute, operator, expected, actual, negate, passed, reason);
    }
}
