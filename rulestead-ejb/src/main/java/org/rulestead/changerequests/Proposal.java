package org.rulestead.changerequests;

import java.util.Map;

/**
 * What a change request proposes (spec §6.5 submit command): a governed action, where, on what,
 * and the command to execute once approved ({@code {"version": n}} for {@code publish_ruleset}).
 */
public record Proposal(
        String action, String environmentKey, String resourceType, String resourceKey, Map<String, Object> command) {

    public Proposal {
        command = command == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(command));
    }
}
