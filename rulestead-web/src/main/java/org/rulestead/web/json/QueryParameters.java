package org.rulestead.web.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads query parameters strictly: a value of the wrong shape is a 400 naming the parameter
 * ({@link MalformedRequest#parameter}), never a silent default or the framework's 404. An absent
 * or blank parameter is empty.
 */
public final class QueryParameters {

    private QueryParameters() {}

    /** A whole number from {@code min} to {@code max}. */
    public static Optional<Integer> integer(String name, String text, int min, int max) {
        return present(text).map(value -> {
            String range = "must be a whole number from " + min + " to " + max;
            if (!value.matches("[+-]?[0-9]{1,10}")) {
                throw MalformedRequest.parameter(name, range + " (got \"" + shown(value) + "\")");
            }
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw MalformedRequest.parameter(name, range + " (got " + number + ")");
            }
            return (int) number;
        });
    }

    /** A paging cursor this API answered: a positive whole number. */
    public static Optional<Long> cursor(String name, String text) {
        return present(text).map(value -> {
            if (!value.matches("[0-9]{1,18}") || Long.parseLong(value) <= 0) {
                throw MalformedRequest.parameter(
                        name, "must be the cursor a previous page answered (got \"" + shown(value) + "\")");
            }
            return Long.parseLong(value);
        });
    }

    /** {@code true} or {@code false}. */
    public static Optional<Boolean> bool(String name, String text) {
        return present(text).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw MalformedRequest.parameter(name, "must be true or false (got \"" + shown(value) + "\")");
        });
    }

    /** An ISO-8601 instant, or a date meaning its start in UTC. */
    public static Optional<Instant> instant(String name, String text) {
        return present(text).map(value -> {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw MalformedRequest.parameter(
                            name,
                            "must be an ISO-8601 instant or date, e.g. 2026-11-21 (got \"" + shown(value) + "\")");
                }
            }
        });
    }

    /** One of {@code allowed} (case-insensitive), as written there. */
    public static Optional<String> oneOf(String name, String text, List<String> allowed) {
        return present(text).map(value -> allowed.stream()
                .filter(candidate -> candidate.equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> MalformedRequest.parameter(
                        name, "must be one of " + String.join(", ", allowed) + " (got \"" + shown(value) + "\")")));
    }

    /** Trimmed text, empty when blank. */
    public static Optional<String> text(String text) {
        return present(text);
    }

    private static Optional<String> present(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    /** A caller's value, short enough to quote back. */
    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
