package org.rulestead.evaluation;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.rulestead.model.WireNamed;

/**
 * The condition operators (spec §2.5 and decisions 2–3), each compiled once from its authored
 * value into a test of the actual attribute value. Equality is lane-strict; nothing is coerced.
 */
final class Operators {

    /**
     * Every operator the evaluator understands: the authoring ones and the reference's audience
     * forms {@code eq} and {@code neq}. Any other name never passes.
     */
    static final Set<String> KNOWN = Set.copyOf(WireNamed.wireNames(ConditionOperator.class));

    /** The regex options an authored pattern may carry (PD-16 on RE2/J: {@code x} has no equivalent). */
    static final String REGEX_OPTIONS = "imsu";

    private static final Predicate<Object> NEVER = actual -> false;

    private Operators() {}

    /** The test of {@code operator} with its authored {@code value} (null is read as {@code {}}). */
    static Predicate<Object> compile(Object operator, Object value) {
        Object authored = value == null ? Map.of() : value;
        ConditionOperator known =
                WireNamed.parseExactly(ConditionOperator.class, operator).orElse(null);
        if (known == null) {
            return NEVER;
        }
        String name = known.wireName();
        return switch (known) {
            case EQUALS -> equalTo(field(authored, "equals"));
            case EQ -> equalTo(loose(authored, "eq", "equals", "value"));
            case NEQ -> equalTo(loose(authored, "neq", "equals", "value")).negate();
            case IN -> in(loose(authored, "in", "value"));
            case NOT_IN -> in(loose(authored, "not_in", "value")).negate();
            case GT -> numeric(field(authored, "gt"), order -> order > 0);
            case GTE -> numeric(field(authored, "gte"), order -> order >= 0);
            case LT -> numeric(field(authored, "lt"), order -> order < 0);
            case LTE -> numeric(field(authored, "lte"), order -> order <= 0);
            case REGEX -> regex(field(authored, "pattern"), field(authored, "options"));
            case EXISTS -> actual -> actual != null;
            case CONTAINS -> text(field(authored, name), String::contains);
            case STARTS_WITH -> text(field(authored, name), String::startsWith);
            case ENDS_WITH -> text(field(authored, name), String::endsWith);
            case BEFORE -> instant(field(authored, name), order -> order < 0);
            case AFTER -> instant(field(authored, name), order -> order > 0);
            case SEMVER_EQ -> semver(field(authored, name), order -> order == 0);
            case SEMVER_GT -> semver(field(authored, name), order -> order > 0);
            case SEMVER_GTE -> semver(field(authored, name), order -> order >= 0);
            case SEMVER_LT -> semver(field(authored, name), order -> order < 0);
            case SEMVER_LTE -> semver(field(authored, name), order -> order <= 0);
        };
    }

    /** Whether {@code options} are regex options RE2/J can honour. */
    static boolean validRegexOptions(Object options) {
        return options == null
                || options instanceof String text && text.chars().allMatch(c -> REGEX_OPTIONS.indexOf(c) >= 0);
    }

    /** Compiles an authored pattern, or nothing when the pattern or its options are invalid. */
    static Optional<Pattern> regexPattern(Object pattern, Object options) {
        Object source = pattern == null ? "" : pattern;
        if (!(source instanceof String text) || !validRegexOptions(options)) {
            return Optional.empty();
        }
        String letters = options == null ? "" : (String) options;
        int flags = 0;
        if (letters.indexOf('i') >= 0) {
            flags |= Pattern.CASE_INSENSITIVE;
        }
        if (letters.indexOf('m') >= 0) {
            flags |= Pattern.MULTILINE;
        }
        if (letters.indexOf('s') >= 0) {
            flags |= Pattern.DOTALL;
        }
        try {
            return Optional.of(Pattern.compile(text, flags));
        } catch (PatternSyntaxException invalid) {
            return Optional.empty();
        }
    }

    /** An ISO-8601 instant, offset date-time, local date-time (UTC) or date (its start in UTC). */
    static Optional<Instant> instantOf(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            // try the next form
        }
        try {
            return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notLocal) {
            // try the next form
        }
        try {
            return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notDate) {
            return Optional.empty();
        }
    }

    /** {@code value.<key>} when the value is a map; anything else has no such field. */
    private static Object field(Object authored, String key) {
        return authored instanceof Map<?, ?> map ? map.get(key) : null;
    }

    /** The audience forms: the first non-null of the keys, or a non-map value itself. */
    private static Object loose(Object authored, String... keys) {
        if (!(authored instanceof Map<?, ?> map)) {
            return authored;
        }
        for (String key : keys) {
            Object candidate = map.get(key);
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    private static Predicate<Object> equalTo(Object expected) {
        if (expected == null) {
            return NEVER;
        }
        if (expected instanceof String text) {
            return text::equals;
        }
        return actual -> Values.sameLane(actual, expected);
    }

    private static Predicate<Object> in(Object expected) {
        if (!(expected instanceof List<?> elements)) {
            return NEVER;
        }
        Set<String> strings = new HashSet<>();
        List<Object> others = new java.util.ArrayList<>();
        for (Object element : elements) {
            if (element instanceof String text) {
                strings.add(text);
            } else if (element != null) {
                others.add(element);
            }
        }
        List<Object> nonStrings = List.copyOf(others);
        return actual -> {
            if (actual instanceof String text) {
                return strings.contains(text);
            }
            for (Object element : nonStrings) {
                if (Values.sameLane(actual, element)) {
                    return true;
                }
            }
            return false;
        };
    }

    private interface Order {
        boolean holds(int order);
    }

    private static Predicate<Object> numeric(Object expected, Order order) {
        if (!Values.isNumber(expected)) {
            return NEVER;
        }
        Number bound = (Number) expected;
        return actual -> Values.isNumber(actual) && order.holds(Values.compareNumbers((Number) actual, bound));
    }

    private static Predicate<Object> regex(Object pattern, Object options) {
        return regexPattern(pattern, options)
                .<Predicate<Object>>map(compiled -> actual ->
                        actual instanceof String text && compiled.matcher(text).find())
                .orElse(NEVER);
    }

    private interface TextTest {
        boolean holds(String actual, String operand);
    }

    private static Predicate<Object> text(Object operand, TextTest test) {
        if (!(operand instanceof String expected)) {
            return NEVER;
        }
        return actual -> actual instanceof String text && test.holds(text, expected);
    }

    private static Predicate<Object> instant(Object operand, Order order) {
        return instantOf(operand)
                .<Predicate<Object>>map(bound -> actual -> instantOf(actual)
                        .map(value -> order.holds(value.compareTo(bound)))
                        .orElse(false))
                .orElse(NEVER);
    }

    private static Predicate<Object> semver(Object operand, Order order) {
        return SemanticVersion.parse(operand)
                .<Predicate<Object>>map(bound -> actual -> SemanticVersion.parse(actual)
                        .map(value -> order.holds(value.compareTo(bound)))
                        .orElse(false))
                .orElse(NEVER);
    }
}
