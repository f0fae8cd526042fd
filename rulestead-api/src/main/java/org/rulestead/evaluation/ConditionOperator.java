package org.rulestead.evaluation;

import java.util.Arrays;
import java.util.List;
import org.rulestead.model.WireNamed;

/**
 * The condition operators (spec §1.5, §2.5 and decisions 2): those an authored rule may use, and
 * the reference's audience forms {@code eq} and {@code neq}, which only audience definitions use.
 * Any other name never passes.
 */
public enum ConditionOperator implements WireNamed {
    EQUALS,
    IN,
    NOT_IN,
    GT,
    LT,
    GTE,
    LTE,
    REGEX,
    EXISTS,
    CONTAINS,
    STARTS_WITH,
    ENDS_WITH,
    BEFORE,
    AFTER,
    SEMVER_EQ,
    SEMVER_GT,
    SEMVER_GTE,
    SEMVER_LT,
    SEMVER_LTE,
    /** Audience definitions only: loose equality. */
    EQ,
    /** Audience definitions only: loose inequality (passes on a missing attribute). */
    NEQ;

    /** Whether an authored rule condition may use this operator. */
    public boolean authoring() {
        return this != EQ && this != NEQ;
    }

    /** The operators an authored rule condition may use, in declaration order. */
    public static List<ConditionOperator> authoringOperators() {
        return Arrays.stream(values()).filter(ConditionOperator::authoring).toList();
    }
}
