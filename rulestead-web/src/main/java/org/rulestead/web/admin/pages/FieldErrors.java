package org.rulestead.web.admin.pages;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.validation.Finding;

/**
 * Validation findings placed at the fields they name ({@code rules[1].variants},
 * {@code owner_ref}), for inline messages; findings of fields the form does not show stay
 * page-level.
 */
public final class FieldErrors implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> byField = new LinkedHashMap<>();

    public void clear() {
        byField.clear();
    }

    public void addAll(List<Finding> findings) {
        findings.forEach(finding -> byField.merge(finding.field(), finding.message(), (a, b) -> a + "; " + b));
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    /** The message of {@code field} itself, or null. */
    public String at(String field) {
        return byField.get(field);
    }

    /** The messages of {@code field} and everything under it ({@code rules[0]} covers {@code rules[0].key}). */
    public String under(String field) {
        StringBuilder messages = new StringBuilder();
        byField.forEach((name, message) -> {
            if (name.equals(field) || name.startsWith(field + ".") || name.startsWith(field + "[")) {
                messages.append(messages.length() == 0 ? "" : " · ")
                        .append(
                                name.equals(field)
                                        ? ""
                                        : name.substring(field.length()).replaceFirst("^\\.", "") + ": ")
                        .append(message);
            }
        });
        return messages.length() == 0 ? null : messages.toString();
    }

    /** Every finding, as {@code field: message} lines. */
    public List<String> all() {
        return byField.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .toList();
    }
}
