package org.rulestead.changerequests;

import java.util.Optional;
import java.util.Set;

/**
 * What decides a change request's transitions (spec §6.5): where it stands, who submitted it,
 * whether they may approve it themselves, and who already decided on the proposal as it stands.
 * The aggregate guards its transitions with it, and the admin page asks it which steps to offer.
 */
public record ChangeRequestState(
        ChangeRequestStatus status, String submitterId, boolean selfApprovalAllowed, Set<String> currentReviewers) {

    public ChangeRequestState {
        currentReviewers = Set.copyOf(currentReviewers);
    }

    /**
     * Why {@code actorId} may not take {@code transition} now, or empty when the request allows it
     * (capabilities are governance's question, not the request's). A refusal of the caller comes
     * before one of the state, so a submitter learns the four-eyes rule whatever the status.
     */
    public Optional<TransitionRefusal> refusal(Transition transition, String actorId) {
        boolean submitter = submitterId.equals(actorId);
        TransitionRefusal refusal =
                switch (transition) {
                    case APPROVE -> submitter && !selfApprovalAllowed
                            ? TransitionRefusal.SELF_APPROVAL_FORBIDDEN
                            : status != ChangeRequestStatus.SUBMITTED
                                    ? TransitionRefusal.NOT_SUBMITTED
                                    : currentReviewers.contains(actorId) ? TransitionRefusal.ALREADY_DECIDED : null;
                    case REJECT -> status != ChangeRequestStatus.SUBMITTED ? TransitionRefusal.NOT_SUBMITTED : null;
                    case CANCEL -> isOpen() ? null : TransitionRefusal.NOT_OPEN;
                    case REVISE -> !submitter
                            ? TransitionRefusal.NOT_THE_SUBMITTER
                            : isOpen() ? null : TransitionRefusal.NOT_OPEN;
                    case EXECUTE -> status != ChangeRequestStatus.APPROVED ? TransitionRefusal.NOT_APPROVED : null;
                };
        return Optional.ofNullable(refusal);
    }

    /** Whether {@code actorId} submitted the request. */
    public boolean submittedBy(String actorId) {
        return submitterId.equals(actorId);
    }

    private boolean isOpen() {
        return status == ChangeRequestStatus.SUBMITTED || status == ChangeRequestStatus.APPROVED;
    }
}
