package org.rulestead.flags;

import java.time.Instant;
import java.util.List;

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
        long lockVersion) {}
