package org.rulestead.web.admin.pages;

import java.util.List;
import org.rulestead.environments.EnvironmentSummary;

/**
 * The environment a page shows ({@code ?env=}) among all environments. An unknown or missing key
 * falls back to the first environment, and says so.
 */
public record EnvironmentSelection(
        List<EnvironmentSummary> environments, EnvironmentSummary current, String unknownKey) {

    public static EnvironmentSelection choose(List<EnvironmentSummary> environments, String requested) {
        EnvironmentSummary fallback = environments.isEmpty() ? null : environments.get(0);
        if (requested == null || requested.isBlank()) {
            return new EnvironmentSelection(environments, fallback, null);
        }
        return environments.stream()
                .filter(environment -> environment.key().equals(requested))
                .findFirst()
                .map(found -> new EnvironmentSelection(environments, found, null))
                .orElseGet(() -> new EnvironmentSelection(environments, fallback, requested));
    }

    public String currentKey() {
        return current == null ? null : current.key();
    }
}
