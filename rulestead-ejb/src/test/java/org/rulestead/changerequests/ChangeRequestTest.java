package org.rulestead.changerequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rulestead.command.CommandRejected;
import org.rulestead.governance.Action;
import org.rulestead.governance.Actor;
import org.rulestead.governance.ApprovalRequirement;
import org.rulestead.governance.Role;

/** The change request aggregate decides its own transitions (spec §6.5): status, four-eyes, fingerprint. */
class ChangeRequestTest {

    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");
    private static final Actor EDITOR = Actor.operator("editor", Set.of(Role.EDITOR));
    private static final Actor ADMIN = Actor.operator("admin", Set.of(Role.ADMIN));
    private static final Actor ADMIN2 = Actor.operator("admin2", Set.of(Role.ADMIN));

    private static ChangeRequest submittedBy(Actor submitter, int requiredApprovals, boolean selfApprovalAllowed) {
        return new ChangeRequest(
                Action.PUBLISH_RULESET,
                "production",
                "flag",
                "checkout",
                submitter,
                "ship it",
                Map.of("version", 2),
                new ApprovalRequirement(
                        Action.PUBLISH_RULESET, "production", requiredApprovals, true, selfApprovalAllowed),
                "corr-1",
                AT);
    }

    private static ChangeRequest protectedRequest() {
        return submittedBy(EDITOR, 1, false);
    }

    @Test
    void anotherReviewersApprovalApprovesARequestThatNeedsOne() {
        ChangeRequest request = protectedRequest();

        request.approve(ADMIN, "looks right", AT);

        assertThat(request.status()).isEqualTo(ChangeRequestStatus.APPROVED);
        assertThat(request.currentApprovals()).isEqualTo(1);
    }

    @Test
    void aRequestThatNeedsTwoApprovalsStaysSubmittedAfterOne() {
        ChangeRequest request = submittedBy(EDITOR, 2, false);

        request.approve(ADMIN, "one", AT);
        assertThat(request.status()).isEqualTo(ChangeRequestStatus.SUBMITTED);

        request.approve(ADMIN2, "two", AT);
        assertThat(request.status()).isEqualTo(ChangeRequestStatus.APPROVED);
    }

    @Test
    void theSubmitterMayNotApproveWhereSelfApprovalIsForbidden() {
        ChangeRequest request = submittedBy(ADMIN, 1, false);

        assertThat(request.refusal(Transition.APPROVE, ADMIN)).contains(TransitionRefusal.SELF_APPROVAL_FORBIDDEN);
        assertThat(TransitionRefusal.SELF_APPROVAL_FORBIDDEN.refusesCaller()).isTrue();
        assertThatThrownBy(() -> request.approve(ADMIN, "mine", AT))
                .isInstanceOfSatisfying(CommandRejected.Forbidden.class, refused -> assertThat(refused.metadata())
                        .containsEntry("reason", "self_approval_forbidden"));
        assertThat(request.status()).isEqualTo(ChangeRequestStatus.SUBMITTED);
        assertThat(request.currentApprovals()).isZero();
    }

    @Test
    void theSubmitterMayApproveWhereSelfApprovalIsAllowed() {
        ChangeRequest request = submittedBy(ADMIN, 1, true);

        request.approve(ADMIN, "staging is mine to approve", AT);

        assertThat(request.status()).isEqualTo(ChangeRequestStatus.APPROVED);
    }

    @Test
    void fourEyesIsToldEvenWhenTheStatusWouldAlsoRefuse() {
        ChangeRequest request = submittedBy(ADMIN, 1, false);
        request.reject(ADMIN2, "no", AT);

        assertThat(request.refusal(Transition.APPROVE, ADMIN)).contains(TransitionRefusal.SELF_APPROVAL_FORBIDDEN);
        assertThat(request.refusal(Transition.APPROVE, ADMIN2)).contains(TransitionRefusal.NOT_SUBMITTED);
    }

    @Test
    void aReviewerDecidesOncePerVersionOfTheProposal() {
        ChangeRequest request = submittedBy(EDITOR, 2, false);
        request.approve(ADMIN, "one", AT);

        assertThat(request.refusal(Transition.APPROVE, ADMIN)).contains(TransitionRefusal.ALREADY_DECIDED);
        assertThatThrownBy(() -> request.approve(ADMIN, "again", AT))
                .isInstanceOfSatisfying(CommandRejected.Conflict.class, refused -> assertThat(refused.getMessage())
                        .isEqualTo("reviewer has already recorded a decision"));
        assertThat(request.currentApprovals()).isEqualTo(1);
    }

    @Test
    void revisingClearsEveryApprovalAndNeedsThemAgain() {
        ChangeRequest request = protectedRequest();
        String before = request.fingerprint();
        request.approve(ADMIN, "first version", AT);

        String previous = request.revise(EDITOR, Map.of("version", 3), "a newer draft");

        assertThat(previous).isEqualTo(before);
        assertThat(request.fingerprint()).isNotEqualTo(before);
        assertThat(request.status()).isEqualTo(ChangeRequestStatus.SUBMITTED);
        assertThat(request.currentApprovals()).isZero();
        assertThat(request.refusal(Transition.APPROVE, ADMIN)).isEmpty();
        assertThat(request.refusal(Transition.EXECUTE, ADMIN)).contains(TransitionRefusal.NOT_APPROVED);
    }

    @Test
    void onlyTheSubmitterRevises() {
        ChangeRequest request = protectedRequest();

        assertThat(request.refusal(Transition.REVISE, ADMIN)).contains(TransitionRefusal.NOT_THE_SUBMITTER);
        assertThatThrownBy(() -> request.revise(ADMIN, Map.of("version", 3), "mine now"))
                .isInstanceOfSatisfying(CommandRejected.Forbidden.class, refused -> assertThat(refused.metadata())
                        .containsEntry("reason", "only_the_submitter_may_revise"));
        assertThat(request.fingerprint()).isEqualTo(protectedRequest().fingerprint());
    }

    @Test
    void onlyAnApprovedRequestExecutes() {
        ChangeRequest request = protectedRequest();

        assertThatThrownBy(() -> request.executed(ADMIN, AT))
                .isInstanceOfSatisfying(CommandRejected.Conflict.class, refused -> assertThat(refused.metadata())
                        .containsEntry("status", "submitted"));

        request.approve(ADMIN, "ok", AT);
        request.executed(ADMIN2, AT);
        assertThat(request.status()).isEqualTo(ChangeRequestStatus.EXECUTED);
    }

    @Test
    void aRejectionIsFinal() {
        ChangeRequest request = protectedRequest();
        request.reject(ADMIN, "not now", AT);

        assertThat(request.status()).isEqualTo(ChangeRequestStatus.REJECTED);
        assertThat(request.refusal(Transition.APPROVE, ADMIN2)).contains(TransitionRefusal.NOT_SUBMITTED);
        assertThat(request.refusal(Transition.REJECT, ADMIN2)).contains(TransitionRefusal.NOT_SUBMITTED);
        assertThat(request.refusal(Transition.CANCEL, EDITOR)).contains(TransitionRefusal.NOT_OPEN);
        assertThat(request.refusal(Transition.REVISE, EDITOR)).contains(TransitionRefusal.NOT_OPEN);
        assertThat(request.refusal(Transition.EXECUTE, ADMIN2)).contains(TransitionRefusal.NOT_APPROVED);
    }

    @Test
    void anOpenRequestCanBeCancelledAndThenNothingElse() {
        ChangeRequest approved = protectedRequest();
        approved.approve(ADMIN, "ok", AT);

        approved.cancel(EDITOR, AT);

        assertThat(approved.status()).isEqualTo(ChangeRequestStatus.CANCELLED);
        assertThatThrownBy(() -> approved.cancel(EDITOR, AT)).isInstanceOf(CommandRejected.Conflict.class);
        assertThatThrownBy(() -> approved.executed(ADMIN, AT)).isInstanceOf(CommandRejected.Conflict.class);
    }

    @Test
    void cancellingSomeoneElsesRequestTakesWhatRejectingTakes() {
        assertThat(Transition.CANCEL.capability(true)).isEqualTo(Action.CANCEL_OWN_CHANGE_REQUEST);
        assertThat(Transition.CANCEL.capability(false)).isEqualTo(Action.REJECT_CHANGE_REQUEST);
        assertThat(Transition.APPROVE.capability(false)).isEqualTo(Action.APPROVE_CHANGE_REQUEST);
        assertThat(Transition.REVISE.capability(true)).isEqualTo(Action.SUBMIT_CHANGE_REQUEST);
        assertThat(Transition.EXECUTE.capability(false)).isEqualTo(Action.EXECUTE_CHANGE_REQUEST);
    }

    @Test
    void everyTransitionFromEveryStatus() {
        // rows: status; columns: approve, reject, cancel, revise (by the submitter), execute (by another admin)
        Object[][] table = {
            {ChangeRequestStatus.SUBMITTED, null, null, null, null, TransitionRefusal.NOT_APPROVED},
            {
                ChangeRequestStatus.APPROVED,
                TransitionRefusal.NOT_SUBMITTED,
                TransitionRefusal.NOT_SUBMITTED,
                null,
                null,
                null
            },
            {
                ChangeRequestStatus.REJECTED,
                TransitionRefusal.NOT_SUBMITTED,
                TransitionRefusal.NOT_SUBMITTED,
                TransitionRefusal.NOT_OPEN,
                TransitionRefusal.NOT_OPEN,
                TransitionRefusal.NOT_APPROVED
            },
            {
                ChangeRequestStatus.CANCELLED,
                TransitionRefusal.NOT_SUBMITTED,
                TransitionRefusal.NOT_SUBMITTED,
                TransitionRefusal.NOT_OPEN,
                TransitionRefusal.NOT_OPEN,
                TransitionRefusal.NOT_APPROVED
            },
            {
                ChangeRequestStatus.EXECUTED,
                TransitionRefusal.NOT_SUBMITTED,
                TransitionRefusal.NOT_SUBMITTED,
                TransitionRefusal.NOT_OPEN,
                TransitionRefusal.NOT_OPEN,
                TransitionRefusal.NOT_APPROVED
            },
        };
        for (Object[] row : table) {
            ChangeRequestState state = new ChangeRequestState((ChangeRequestStatus) row[0], "editor", false, Set.of());
            assertThat(state.refusal(Transition.APPROVE, "admin"))
                    .as("approve %s", row[0])
                    .isEqualTo(optional(row[1]));
            assertThat(state.refusal(Transition.REJECT, "admin"))
                    .as("reject %s", row[0])
                    .isEqualTo(optional(row[2]));
            assertThat(state.refusal(Transition.CANCEL, "editor"))
                    .as("cancel %s", row[0])
                    .isEqualTo(optional(row[3]));
            assertThat(state.refusal(Transition.REVISE, "editor"))
                    .as("revise %s", row[0])
                    .isEqualTo(optional(row[4]));
            assertThat(state.refusal(Transition.EXECUTE, "admin"))
                    .as("execute %s", row[0])
                    .isEqualTo(optional(row[5]));
        }
        assertThat(ChangeRequestStatus.EXECUTED.isFinal()).isTrue();
        assertThat(ChangeRequestStatus.APPROVED.isFinal()).isFalse();
    }

    private static java.util.Optional<Object> optional(Object refusal) {
        return java.util.Optional.ofNullable(refusal);
    }
}
