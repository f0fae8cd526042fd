package org.rulestead.ruleset;

import java.util.Objects;

/**
 * An audience as authored (spec §1.6): its key (what {@code segment_match} rules name), an
 * optional description and its definition. Audiences are global; whether one is archived is
 * its state, not authored, and travels in the extras ({@code archived_at}) when present.
 */
public record Audience(String key, String description, AudienceDefinition definition, Extras extras) {

    public Audience {
        Objects.requireNonNull(key, "key is required");
        Objects.requireNonNull(definition, "definition is required");
        extras = Extras.orNone(extras);
    }
}
