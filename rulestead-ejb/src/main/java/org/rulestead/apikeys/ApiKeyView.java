package org.rulestead.apikeys;

import java.time.Instant;

/** An API key as admins see it: never the key, only its first characters. */
public record ApiKeyView(
        long id,
        String environmentKey,
        String name,
        String keyPrefix,
        String createdBy,
        Instant createdAt,
        String revokedBy,
        Instant revokedAt) {}
