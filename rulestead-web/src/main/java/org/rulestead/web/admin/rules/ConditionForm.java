package org.rulestead.web.admin.rules;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.rulestead.evaluation.Operands;
import org.rulestead.ruleset.Condition;

/** One condition of a rule as the editor shows it: attribute, operator, operand text. */
public class ConditionForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The operators rules may use, as the engine's authoring validation knows them. */
    public static final List<String> OPERATORS = List.copyOf(new TreeSet<>(Operands.AUTHORING_OPERATORS));

    private String attribute;
    private String operator = "equals";
    private String operand;
    private String options;
    private boolean negate;

    static ConditionForm from(Condition condition) {
        ConditionForm form = new ConditionForm();
        form.attribute = condition.attribute();
        form.operator = condition.operator().wireName();
        form.negate = condition.negated();
        Map<String, Object> value = condition.value();
        switch (form.operator) {
            case "regex" -> {
                form.operand = value.get("pattern") == null
                        ? null
                        : value.get("pattern").toString();
                form.options = value.get("options") == null
                        ? null
                        : value.get("options").toString();
            }
            case "in", "not_in" -> form.operand = Values.writeList(value.get(form.operator));
            case "exists" -> form.operand = null;
            default -> form.operand = Values.write(value.get(form.operator));
        }
        return form;
    }

    Map<String, Object> toDocument() {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("attribute", Values.blankToNull(attribute));
        condition.put("operator", operator);
        Map<String, Object> value = new LinkedHashMap<>();
        switch (operator) {
            case "regex" -> {
                value.put("pattern", operand == null ? "" : operand);
                if (options != null && !options.isBlank()) {
                    value.put("options", options.trim());
                }
            }
            case "in", "not_in" -> value.put(operator, Values.readList(operand));
            case "exists" -> {}
            case "gt", "gte", "lt", "lte", "equals" -> value.put(operator, Values.read(operand));
            default -> value.put(operator, operand == null ? "" : operand.trim());
        }
        condition.put("value", value);
        if (negate) {
            condition.put("negate", true);
        }
        condition.values().removeIf(Objects::isNull);
        return condition;
    }

    public String getAttribute() {
        return attribute;
    }

    public void setAttribute(String attribute) {
        this.attribute = attribute;
    }

    public String getOperator() {
        return operator;
    }

    public void setOperator(String operator) {
        this.operator = operator;
    }

    public String getOperand() {
        return operand;
    }

    public void setOperand(String operand) {
        this.operand = operand;
    }

    public String getOptions() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options;
    }

    public boolean isNegate() {
        return negate;
    }

    public void setNegate(boolean negate) {
        this.negate = negate;
    }
}
