package org.rulestead.governance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A governed change as it travels: the action, the resource and environment it applies to, and
 * the action's own fields ({@code {"version": 3}} for a publish), the same whether it is applied
 * directly, carried by a change request, or scheduled.
 */
public record GovernedCommand(Action action, ResourceRef resource, String environmentKey, Map<String, Object> fields) {

    public GovernedCommand {
        Objects.requireNonNull(action, "action is required");
        Objects.requireNonNull(resource, "resource is required");
        Objects.requireNonNull(environmentKey, "environment is required");
        // the fields are JSON values and may hold nulls, so no Map.copyOf
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The command on a flag in an environment. */
    public static GovernedCommand onFlag(
            Action action, String flagKey, String environmentKey, Map<String, Object> fields) {
        return new GovernedCommand(action, ResourceRef.flag(flagKey), environmentKey, fields);
    }
}
