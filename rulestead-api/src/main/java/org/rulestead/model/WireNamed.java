package org.rulestead.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An enum whose constants travel as lower-case snake_case names (`kill_switch`, `remote_config`). */
public interface WireNamed {

    String name();

    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose wire name is {@code value}, if any. */
    static <E extends Enum<E> & WireNamed> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim();
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.wireName().equals(wanted))
                .findFirst();
    }

    /**
     * The constant whose wire name is exactly {@code value}, blanks included: how the evaluator
     * reads names, since the reference does not trim them.
     */
    static <E extends Enum<E> & WireNamed> Optional<E> parseExactly(Class<E> type, Object value) {
        return value instanceof String text
                ? parse(type, text).filter(constant -> constant.wireName().equals(text))
                : Optional.empty();
    }

    /** The wire names of all constants of {@code type}, in declaration order. */
    static <E extends Enum<E> & WireNamed> List<String> wireNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNamed::wireName).toList();
    }

    /** The wire names of all constants of {@code type}, for error messages. */
    static <E extends Enum<E> & WireNamed> String allOf(Class<E> type) {
        return String.join(
                ", ",
                Arrays.stream(type.getEnumConstants()).map(WireNamed::wireName).toList());
    }
}
