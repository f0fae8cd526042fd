package org.rulestead.validation;

import java.util.List;

/** The outcome of reading authored input: a valid value, or the findings that explain why not. */
public sealed interface Reading<T> permits Reading.Valid, Reading.Invalid {

    record Valid<T>(T value) implements Reading<T> {}

    record Invalid<T>(List<Finding> findings) implements Reading<T> {
        public Invalid {
            if (findings.isEmpty()) {
                throw new IllegalArgumentException("an invalid reading needs at least one finding");
            }
            findings = List.copyOf(findings);
        }
    }

    static <T> Reading<T> of(T value, List<Finding> findings) {
        return findings.isEmpty() ? new Valid<>(value) : new Invalid<>(findings);
    }
}
