package org.rulestead.ruleset;

/**
 * A tree {@link RulesetCodec} cannot read as a ruleset: a required field missing, a field of the
 * wrong JSON type, or a name outside its vocabulary. {@link #field()} is the field's path, as
 * validation findings name it (e.g. {@code rules[2].rollout.bucket_by}). Validate drafts with
 * {@code RulesetValidator} first: a ruleset it accepts always reads.
 */
public class MalformedRulesetException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public MalformedRulesetException(String field, String problem) {
        super((field.isEmpty() ? "the ruleset" : field) + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
