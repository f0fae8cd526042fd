package org.rulestead.web.admin.rules;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.rulestead.ruleset.Variant;

/** One variant of a split or experiment: key, value, weight (the weights of a rule sum to 100). */
public class VariantForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String key;
    private String value;
    private String weight;

    static VariantForm of(String key, String value, String weight) {
        VariantForm form = new VariantForm();
        form.key = key;
        form.value = value;
        form.weight = weight;
        return form;
    }

    static VariantForm from(Variant variant) {
        return of(
                variant.key(),
                Values.write(variant.value().value()),
                variant.weight() == null ? null : variant.weight().toString());
    }

    Map<String, Object> toDocument() {
        Map<String, Object> variant = new LinkedHashMap<>();
        variant.put("key", Values.blankToNull(key));
        variant.put("value", Map.of("value", value == null ? "" : Values.read(value)));
        variant.put("weight", Values.number(weight));
        variant.values().removeIf(Objects::isNull);
        return variant;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getWeight() {
        return weight;
    }

    public void setWeight(String weight) {
        this.weight = weight;
    }
}
