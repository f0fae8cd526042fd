package org.rulestead.web.admin.pages;

import java.util.List;

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
}
