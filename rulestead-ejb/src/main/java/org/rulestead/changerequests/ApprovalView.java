package org.rulestead.changerequests;

import java.time.Instant;

/**
 * A reviewer's decision as callers see it; {@code current} is false for decisions on an earlier
 * version of the proposal, which no longer count.
 */
public record ApprovalView(
        long id,
        Decision decision,
        String reviewerId,
        String reviewerDisplay,
        String reason,
        Instant reviewedAt,
        boolean current) {}
