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
