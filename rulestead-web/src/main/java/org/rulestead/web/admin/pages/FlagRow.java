package org.rulestead.web.admin.pages;

import java.util.List;
import java.util.Locale;

/** One line of the flag inventory, for the selected environment. */
public record FlagRow(
        String key,
        String description,
        String flagType,
        String valueType,
        String defaultValue,
        String ownerRef,
        String owner,
        String lifecycleMode,
        String lifecycle,
        String status,
        List<String> tags,
        List<Elsewhere> elsewhere) {

    /** The flag's status in another environment, for the inventory's at-a-glance column. */
    public record Elsewhere(String environment, String status) {}

    /** Whether the row holds {@code text} in its key, description, owner or tags (case-insensitive). */
    boolean mentions(String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        return key.contains(needle)
                || (description != null && description.toLowerCase(Locale.ROOT).contains(needle))
                || owner.toLowerCase(Locale.ROOT).contains(needle)
                || tags.stream().anyMatch(tag -> tag.toLowerCase(Locale.ROOT).contains(needle));
    }
}
