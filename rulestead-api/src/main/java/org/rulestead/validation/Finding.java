package org.rulestead.validation;

import java.util.Objects;

/**
 * One problem with authored input, at a field path such as {@code owner_ref} or
 * {@code rules[2].variants[1].weight}.
 */
public record Finding(String field, String message) {

    public Finding {
        Objects.requireNonNull(field, "field is required");
        Objects.requireNonNull(message, "message is required");
    }
}
