package org.rulestead.validation;

import java.util.List;

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

    public String errorType() {
        return weightsInvalid ? "variant_weights_invalid" : "invalid_ruleset";
    }

    public String message() {
        return weightsInvalid ? "variant weights must sum to 100%" : "ruleset is invalid";
    }
}
