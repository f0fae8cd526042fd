package org.rulestead.validation;

import java.util.List;
import org.rulestead.evaluation.ErrorType;

/**
 * The outcome of validating a draft ruleset: its findings, and which error the whole answer is
 * (spec §1.4): {@code variant_weights_invalid} when any rule's weights miss 100, else {@code
 * invalid_ruleset}.
 */
public record RulesetValidation(List<Finding> findings, boolean weightsInvalid) {

    public RulesetValidation {
        findings = List.copyOf(findings);
    }

    public boolean valid() {
        return findings.isEmpty();
    }

    public ErrorType errorType() {
        return weightsInvalid ? ErrorType.VARIANT_WEIGHTS_INVALID : ErrorType.INVALID_RULESET;
    }

    public String message() {
        return errorType().canonicalMessage();
    }
}
