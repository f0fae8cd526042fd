package org.rulestead.web.admin.rules;

import java.util.Arrays;
import java.util.List;
import org.rulestead.json.JsonTrees;
import org.rulestead.web.json.JsonBodies;
import org.rulestead.web.json.MalformedRequest;

/**
 * Values as operators type them: JSON where it parses ({@code 42}, {@code true}, {@code "42"}),
 * plain text otherwise ({@code pro}), so the common case needs no quotes.
 */
public final class Values {

    private Values() {}

    /** The JSON value of {@code text}, or the trimmed text itself where it is not JSON. */
    public static Object read(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        try {
            // within the bounds of a JSON body: an operator's field is no way around them
            return JsonBodies.value(trimmed);
        } catch (MalformedRequest notJson) {
            return trimmed;
        }
    }

    /** The text that reads back as {@code value}: strings bare unless they would read as something else. */
    static String write(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            Object reread = read(text);
            return text.equals(reread) ? text : JsonTrees.write(text);
        }
        return JsonTrees.write(value);
    }

    static List<Object> readList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .map(Values::read)
                .toList();
    }

    static String writeList(Object value) {
        if (!(value instanceof List<?> list)) {
            return write(value);
        }
        return String.join(", ", list.stream().map(Values::write).toList());
    }

    /** A whole number where the text is one, else the text, for the validator to name. */
    static Object number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        return trimmed.matches("-?[0-9]{1,9}") ? (Object) Integer.parseInt(trimmed) : read(trimmed);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
