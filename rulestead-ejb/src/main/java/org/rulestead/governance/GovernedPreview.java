package org.rulestead.governance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a governed command would change, as a reviewer reads it before anything happens: one line
 * saying what it does ({@code publish ruleset v3}) and the state before and after, JSON-shaped
 * like an audit event's {@code before} and {@code after} (a ruleset's {@code rules}, a kill
 * switch's {@code status}).
 */
public record GovernedPreview(String summary, Map<String, Object> before, Map<String, Object> after) {

    public GovernedPreview {
        // JSON values: nulls allowed, so no Map.copyOf
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
    }
}
