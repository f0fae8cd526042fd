package org.rulestead.flags;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.ruleset.RulesetCodec;

/** A ruleset as callers see it: its rules as JSON-shaped values (spec §1.5). */
public record RulesetView(
        String flagKey,
        String environmentKey,
        int version,
        Ruleset.Status status,
        String salt,
        List<?> rules,
        String createdBy,
        Instant createdAt,
        String publishedBy,
        Instant publishedAt,
        long lockVersion) {

    /** The rules as the typed authored model reads them. */
    public org.rulestead.ruleset.Ruleset authored() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("salt", salt);
        document.put("rules", rules);
        return RulesetCodec.read(document);
    }
}
