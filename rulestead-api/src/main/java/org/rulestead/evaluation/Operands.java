package org.rulestead.evaluation;

import java.util.Set;

/**
 * What authoring validation asks of the evaluator's operands, so a draft is refused for exactly
 * what would never match at evaluation time.
 */
public final class Operands {

    /** The wire names of the operators an authored rule condition may use ({@link ConditionOperator}). */
    public static final Set<String> AUTHORING_OPERATORS = ConditionOperator.authoringOperators().stream()
            .map(ConditionOperator::wireName)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private Operands() {}

    /** Whether the pattern compiles on RE2/J with these options ({@code i}, {@code m}, {@code s}, {@code u}). */
    public static boolean validPattern(Object pattern, Object options) {
        return Operators.regexPattern(pattern, options).isPresent();
    }

    public static boolean validRegexOptions(Object options) {
        return Operators.validRegexOptions(options);
    }

    /** An ISO-8601 instant, date-time or date. */
    public static boolean isInstant(Object value) {
        return Operators.instantOf(value).isPresent();
    }

    /** A Semantic Versioning 2.0 version. */
    public static boolean isVersion(Object value) {
        return SemanticVersion.parse(value).isPresent();
    }
}
