package org.rulestead.governance;

import java.time.Instant;

/** A role grant as callers see it. */
public record RoleGrantView(
        long id, String principal, Role role, String environmentKey, String grantedBy, Instant grantedAt) {}
