package org.rulestead.changerequests;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.rulestead.command.CommandRejected;
import org.rulestead.evaluation.ErrorDomain;
import org.rulestead.evaluation.ErrorType;

/**
 * Why a change request refuses a transition. Two kinds: the request is not in a state the step
 * starts from (409), or the caller is the wrong party for it (four-eyes, only the submitter
 * revises), a denial that governance audits before it looks at capabilities.
 */
public enum TransitionRefusal {
    /** Approve and reject start from submitted. */
    NOT_SUBMITTED(null),
    /** Cancel and revise start from submitted or approved. */
    NOT_OPEN(null),
    /** Execute starts from approved. */
    NOT_APPROVED(null),
    /** A reviewer decides once on each version of the proposal. */
    ALREADY_DECIDED(null),
    /** Four-eyes: the submitter may not approve where self-approval is not allowed. */
    SELF_APPROVAL_FORBIDDEN("self_approval_forbidden"),
    /** Only the submitter may revise their proposal. */
    NOT_THE_SUBMITTER("only_the_submitter_may_revise");

    private final String denialReason;

    TransitionRefusal(String denialReason) {
        this.denialReason = denialReason;
    }

    /** Whether this refuses the caller (a 403 with {@link #denialReason()}) rather than the state. */
    public boolean refusesCaller() {
        return denialReason != null;
    }

    /** The bounded reason of a refusal of the caller, as audited; null for a refusal of the state. */
    public String denialReason() {
        return denialReason;
    }

    /** The 409 for a refusal of the state, as the API answers it. */
    CommandRejected.Conflict conflict(Long changeRequestId, ChangeRequestStatus status) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (changeRequestId != null) { // null only before the request is stored
            metadata.put("change_request_id", changeRequestId);
        }
        if (this == ALREADY_DECIDED) {
            return new CommandRejected.Conflict(
                    ErrorDomain.AUTH, ErrorType.INVALID_COMMAND, "reviewer has already recorded a decision", metadata);
        }
        metadata.put("status", status.name().toLowerCase(Locale.ROOT));
        return CommandRejected.conflict("change request is not in a valid state for this operation", metadata);
    }
}
