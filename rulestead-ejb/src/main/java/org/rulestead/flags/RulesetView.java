package org.rulestead.flags;

import java.time.Instant;
import java.util.List;
import org.rulestead.ruleset.RulesetCodec;

/**
 * A ruleset as callers see it: its number and status, and its rules in the typed authored model
 * (spec §1.4–§1.5), with their JSON shape, as the codec writes it, for the API and the diffs.
 */
public record RulesetView(
        String flagKey,
        String environmentKey,
        int version,
        Ruleset.Status status,
        org.rulestead.ruleset.Ruleset authored,
        String createdBy,
        Instant createdAt,
        String publishedBy,
        Instant publishedAt,
        long lockVersion) {

    /** The ruleset-level bucketing salt; null when there is none. */
    public String salt() {
        return authored.salt();
    }

    /** The rules in the spec's JSON shape. */
    public List<?> rules() {
        return (List<?>) RulesetCodec.write(authored).get("rules");
    }
}
