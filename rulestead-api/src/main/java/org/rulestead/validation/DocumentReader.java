package org.rulestead.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads fields of one JSON-shaped document (maps, lists, strings, numbers, booleans) and collects
 * a finding for each field of the wrong shape, so one answer lists every problem.
 */
public final class DocumentReader {

    private final Map<String, ?> document;
    private final String prefix;
    private final List<Finding> findings;

    private DocumentReader(Map<String, ?> document, String prefix, List<Finding> findings) {
        this.document = document;
        this.prefix = prefix;
        this.findings = findings;
    }

    public static DocumentReader of(Map<String, ?> document) {
        return new DocumentReader(document, "", new ArrayList<>());
    }

    /** A reader for the nested object at {@code field}, sharing this reader's findings; empty if absent. */
    public Optional<DocumentReader> object(String field) {
        Object value = document.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> nested = (Map<String, ?>) map;
            return Optional.of(new DocumentReader(nested, path(field) + ".", findings));
        }
        reject(field, "must be an object");
        return Optional.empty();
    }

    public boolean has(String field) {
        return document.get(field) != null;
    }

    public Object raw(String field) {
        return document.get(field);
    }

    /** The trimmed text at {@code field}; empty if absent or blank. */
    public Optional<String> text(String field, int maxLength) {
        Object value = document.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            reject(field, "must be a string");
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.length() > maxLength) {
            reject(field, "must be at most " + maxLength + " characters");
            return Optional.empty();
        }
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }

    public Optional<String> requiredText(String field, int maxLength) {
        boolean present = has(field);
        Optional<String> text = text(field, maxLength);
        if (text.isEmpty() && (!present || document.get(field) instanceof String)) {
            reject(field, "is required");
        }
        return text;
    }

    public Optional<Boolean> bool(String field) {
        Object value = document.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        reject(field, "must be true or false");
        return Optional.empty();
    }

    /** The trimmed, non-blank, de-duplicated strings of the list at {@code field}. */
    public List<String> texts(String field, int maxLength) {
        Object value = document.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            reject(field, "must be a list of strings");
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text)) {
                reject(field + "[" + i + "]", "must be a string");
                continue;
            }
            String trimmed = text.trim();
            if (trimmed.length() > maxLength) {
                reject(field + "[" + i + "]", "must be at most " + maxLength + " characters");
            } else if (!trimmed.isEmpty() && !texts.contains(trimmed)) {
                texts.add(trimmed);
            }
        }
        return texts;
    }

    /** Readers for the objects of the list at {@code field}, each at its {@code field[i]} path. */
    public List<DocumentReader> objects(String field) {
        Object value = document.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            reject(field, "must be a list");
            return List.of();
        }
        List<DocumentReader> readers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, ?> element = (Map<String, ?>) map;
                readers.add(new DocumentReader(element, path(field) + "[" + i + "].", findings));
            } else {
                reject(field + "[" + i + "]", "must be an object");
            }
        }
        return readers;
    }

    /** The whole number at {@code field} within [min, max]; empty if absent or refused. */
    public Optional<Long> integer(String field, long min, long max) {
        Object value = document.get(field);
        if (value == null) {
            return Optional.empty();
        }
        Long whole = wholeNumber(value);
        if (whole == null) {
            reject(field, "must be a whole number");
            return Optional.empty();
        }
        if (whole < min || whole > max) {
            reject(field, "must be between " + min + " and " + max);
            return Optional.empty();
        }
        return Optional.of(whole);
    }

    public Optional<Long> requiredInteger(String field, long min, long max) {
        if (!has(field)) {
            reject(field, "is required");
            return Optional.empty();
        }
        return integer(field, min, max);
    }

    /** The number at {@code field}, at least {@code min}; empty if absent or refused. */
    public Optional<Number> number(String field, double min) {
        Object value = document.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number)) {
            reject(field, "must be a number");
            return Optional.empty();
        }
        if (number.doubleValue() < min) {
            reject(field, "must be at least " + (min == Math.rint(min) ? String.valueOf((long) min) : min));
            return Optional.empty();
        }
        return Optional.of(number);
    }

    /** The text at {@code field} when it is one of {@code allowed}; a finding names them otherwise. */
    public Optional<String> oneOf(String field, List<String> allowed, boolean required) {
        Optional<String> text = required ? requiredText(field, 255) : text(field, 255);
        if (text.isPresent() && !allowed.contains(text.get())) {
            reject(field, "must be one of " + String.join(", ", allowed));
            return Optional.empty();
        }
        return text;
    }

    /**
     * A finding for each field of this document that is not one of {@code fields}: a document of a
     * fixed shape refuses what it does not know, instead of ignoring a typo.
     */
    public void onlyFields(List<String> fields) {
        document.keySet().stream()
                .map(String::valueOf)
                .filter(field -> !fields.contains(field))
                .forEach(field ->
                        reject(field, "is not a field here (the fields are " + String.join(", ", fields) + ")"));
    }

    /** The dotted path of {@code field} in the whole document, as findings name it. */
    public String pathOf(String field) {
        return path(field);
    }

    private static Long wholeNumber(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger integer && integer.bitLength() < 64) {
            return integer.longValue();
        }
        if (value instanceof java.math.BigDecimal decimal) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException notWhole) {
                return null;
            }
        }
        return null;
    }

    public void reject(String field, String message) {
        findings.add(new Finding(path(field), message));
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    private String path(String field) {
        return prefix + field;
    }
}
