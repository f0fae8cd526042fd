package org.rulestead.changerequests;

import org.rulestead.governance.Action;

/** A step of the change request workflow (spec §6.5) that someone takes on an existing request. */
public enum Transition {
    REVISE(Action.SUBMIT_CHANGE_REQUEST),
    APPROVE(Action.APPROVE_CHANGE_REQUEST),
    REJECT(Action.REJECT_CHANGE_REQUEST),
    CANCEL(Action.CANCEL_OWN_CHANGE_REQUEST),
    EXECUTE(Action.EXECUTE_CHANGE_REQUEST);

    private final Action capability;

    Transition(Action capability) {
        this.capability = capability;
    }

    /**
     * The capability {@code actorId} needs for this step: cancelling someone else's request is
     * rejecting it, so it takes what rejecting takes.
     */
    public Action capability(boolean bySubmitter) {
        return this == CANCEL && !bySubmitter ? Action.REJECT_CHANGE_REQUEST : capability;
    }

    /** The audit event the step writes (and a denied attempt at it is recorded as). */
    public String eventType() {
        return switch (this) {
            case REVISE -> "change_request.revised";
            case APPROVE -> "change_request.approved";
            case REJECT -> "change_request.rejected";
            case CANCEL -> "change_request.cancelled";
            case EXECUTE -> "change_request.merged";
        };
    }
}
