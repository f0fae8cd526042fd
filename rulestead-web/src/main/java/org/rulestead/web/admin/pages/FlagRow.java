package org.rulestead.web.admin.pages;

import java.util.List;

/** One line of the flag inventory, for the selected environment. */
public record FlagRow(
        String key,
        String description,
        String flagType,
        String valueType,
        String defaultValue,
        String owner,
        String lifecycle,
        String status,
        List<String> tags) {}
