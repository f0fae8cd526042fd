package org.rulestead.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A closed vocabulary of the authored rules (strategies, bucket-by names, operators…) whose
 * constants travel as lower-case snake_case names ({@code percentage_rollout}, {@code not_in}).
 *
 * <p>It mirrors {@code org.rulestead.model.WireNamed} on purpose: the engine and the authored
 * ruleset model depend on nothing else of the product, so they cannot use that one.
 */
public interface WireVocabulary {

    String name();

    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose wire name is {@code value} (surrounding blanks ignored), if any. */
    static <E extends Enum<E> & WireVocabulary> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim();
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.wireName().equals(wanted))
                .findFirst();
    }

    /** The constant whose wire name is exactly {@code value}, as the evaluator reads names. */
    static <E extends Enum<E> & WireVocabulary> Optional<E> exactly(Class<E> type, Object value) {
        return value instanceof String text
                ? parse(type, text).filter(constant -> constant.wireName().equals(text))
                : Optional.empty();
    }

    /** The wire names of all constants of {@code type}, in declaration order. */
    static <E extends Enum<E> & WireVocabulary> List<String> wireNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(WireVocabulary::wireName)
                .toList();
    }
}
