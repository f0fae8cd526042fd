package org.rulestead.ruleset;

import java.util.Objects;
import org.rulestead.evaluation.ConditionOperator;

/**
 * One clause of an audience definition (spec §1.6, §2.7). Unlike a rule condition it may use
 * {@code eq} and {@code neq}, name its operator {@code op}, and give its value bare ({@code
 * "value": "enterprise"}) instead of as an operand object; {@code value} is null when left out.
 */
public record AudienceClause(
        String attribute,
        ConditionOperator operator,
        OperatorField operatorField,
        Object value,
        Boolean negate,
        Extras extras) {

    /** Which field names the operator, so the clause is written as it was authored. */
    public enum OperatorField {
        OPERATOR("operator"),
        OP("op");

        private final String field;

        OperatorField(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public AudienceClause {
        Objects.requireNonNull(attribute, "attribute is required");
        Objects.requireNonNull(operator, "operator is required");
        operatorField = operatorField == null ? OperatorField.OPERATOR : operatorField;
        value = JsonValues.freeze(value);
        extras = Extras.orNone(extras);
    }
}
