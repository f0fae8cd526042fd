package org.rulestead.ruleset;

import java.util.Objects;
import org.rulestead.evaluation.ConditionOperator;

/**
 * One condition of a rule (spec §1.5, decisions 2): the {@code attribute} path, the operator, its
 * operand object ({@code {"in": ["PT", "ES"]}}, {@code {"pattern": "^beta-", "options": "i"}},
 * {@code {}} for {@code exists}), and {@code negate} (null when the document leaves it out).
 */
public record Condition(
        String attribute,
        ConditionOperator operator,
        java.util.Map<String, Object> value,
        Boolean negate,
        Extras extras) {

    public Condition {
        Objects.requireNonNull(attribute, "attribute is required");
        Objects.requireNonNull(operator, "operator is required");
        Objects.requireNonNull(value, "value is required ({} for exists)");
        value = JsonValues.freezeObject(value);
        extras = Extras.orNone(extras);
    }

    /** Whether the condition's result is inverted. */
    public boolean negated() {
        return Boolean.TRUE.equals(negate);
    }

    /** The operand the operator compares with: {@code value.<operator>} ({@code value.pattern} for regex). */
    public Object operand() {
        return operator == ConditionOperator.REGEX ? value.get("pattern") : value.get(operator.wireName());
    }
}
