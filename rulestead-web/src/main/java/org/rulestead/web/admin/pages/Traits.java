package org.rulestead.web.admin.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rulestead.web.admin.rules.Values;

/**
 * Attributes typed one per line as {@code name=value}; a dotted name nests ({@code account.tier=gold}),
 * a value is JSON where it parses ({@code 42}, {@code true}, {@code ["a","b"]}) and text otherwise.
 */
final class Traits {

    private Traits() {}

    static Map<String, Object> parse(String text) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (text == null) {
            return attributes;
        }
        String[] lines = text.split("\\R");
        for (int number = 0; number < lines.length; number++) {
            String line = lines[number].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(
                        "Attributes line " + (number + 1) + " is not name=value: “" + line + "”.");
            }
            put(
                    attributes,
                    line.substring(0, equals).trim(),
                    Values.read(line.substring(equals + 1).trim()));
        }
        return attributes;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> attributes, String name, Object value) {
        String[] path = name.split("\\.");
        Map<String, Object> at = attributes;
        for (int i = 0; i < path.length - 1; i++) {
            Object next = at.get(path[i]);
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                at.put(path[i], next);
            }
            at = (Map<String, Object>) next;
        }
        at.put(path[path.length - 1], value);
    }
}
