package org.rulestead.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJBException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rulestead.command.CommandRejected;
import org.rulestead.governance.Action;
import org.rulestead.governance.Actor;
import org.rulestead.governance.GovernedCommand;
import org.rulestead.governance.Route;

/** A scheduled execution decides its own transitions (spec §6.7), from every state. */
class ScheduledExecutionTest {

    private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");

    private static ScheduledExecution scheduled() {
        ScheduledExecution execution = new ScheduledExecution(
                new NewExecution(
                        GovernedCommand.onFlag(Action.PUBLISH_RULESET, "checkout", "staging", Map.of("version", 3)),
                        Route.ExecutionMode.POLICY_BYPASS,
                        AT.plusSeconds(60),
                        "after the freeze",
                        Map.of(),
                        null,
                        null,
                        null,
                        "scheduled_execution:c1",
                        "c1",
                        Actor.operator("editor", java.util.Set.of()),
                        List.of()),
                AT);
        execution.arm(AT.plusSeconds(60));
        try {
            // as the database numbers it on insert
            java.lang.reflect.Field id = ScheduledExecution.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(execution, 7L);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return execution;
    }

    @Test
    void itCompletesOnceWithWhatItDid() {
        ScheduledExecution execution = scheduled();

        ExecutionAttempt attempt = execution.complete(Map.of("outcome", "applied"), AT, AT.plusSeconds(1));

        assertThat(attempt.state()).isEqualTo(ExecutionState.COMPLETED);
        assertThat(execution.state()).isEqualTo(ExecutionState.COMPLETED);
        assertThat(execution.attemptCount()).isEqualTo(1);
        assertThat(execution.timerToken()).isNull();
        assertThat(execution.view(null).executionMetadata()).containsEntry("outcome", "applied");
        assertThat(execution.runnable()).isFalse();
        assertThatThrownBy(() -> execution.complete(Map.of(), AT, AT)).isInstanceOf(CommandRejected.Conflict.class);
        assertThatThrownBy(() -> execution.cancel("late", AT)).isInstanceOf(CommandRejected.Conflict.class);
        assertThatThrownBy(() -> execution.requeue(AT)).isInstanceOf(CommandRejected.Conflict.class);
    }

    @Test
    void itIsRetriedTwiceThenQuarantinedAndARequeueGivesItOneMoreAttempt() {
        ScheduledExecution execution = scheduled();

        assertThat(execution.fail("ruleset_not_publishable", AT, AT).state()).isEqualTo(ExecutionState.FAILED);
        assertThat(execution.state()).isEqualTo(ExecutionState.SCHEDULED);
        execution.arm(AT.plusSeconds(61));
        assertThat(execution.fail("ruleset_not_publishable", AT, AT).state()).isEqualTo(ExecutionState.FAILED);
        execution.arm(AT.plusSeconds(62));
        assertThat(execution.fail("ruleset_not_publishable", AT, AT).state()).isEqualTo(ExecutionState.QUARANTINED);

        assertThat(execution.state()).isEqualTo(ExecutionState.QUARANTINED);
        assertThat(execution.attemptCount()).isEqualTo(ScheduledExecution.MAX_ATTEMPTS);
        assertThat(execution.view(null).failureReason()).isEqualTo("ruleset_not_publishable");
        assertThat(execution.runnable()).isFalse();
        assertThatThrownBy(() -> execution.cancel("no", AT)).isInstanceOf(CommandRejected.Conflict.class);

        execution.requeue(AT);
        assertThat(execution.state()).isEqualTo(ExecutionState.SCHEDULED);
        assertThat(execution.view(null).failureReason()).isNull();
        assertThat(execution.fail("still broken", AT, AT).state()).isEqualTo(ExecutionState.QUARANTINED);
        assertThat(execution.attemptCount()).isEqualTo(4);
    }

    @Test
    void onlyAPendingExecutionIsCancelledAndEachArmingHasItsOwnToken() {
        ScheduledExecution execution = scheduled();
        String first = execution.timerToken();
        String second = execution.arm(AT.plusSeconds(90));

        assertThat(second).isNotEqualTo(first);
        assertThat(execution.view(null).nextAttemptAt()).isEqualTo(AT.plusSeconds(90));
        execution.cancel("the freeze was extended", AT);
        assertThat(execution.state()).isEqualTo(ExecutionState.CANCELLED);
        assertThat(execution.timerToken()).isNull();
        assertThat(execution.view(null).failureReason()).isEqualTo("the freeze was extended");
        assertThat(execution.view(null).cancellable()).isFalse();
        assertThatThrownBy(() -> execution.cancel("again", AT)).isInstanceOf(CommandRejected.Conflict.class);
        assertThatThrownBy(() -> execution.fail("x", AT, AT)).isInstanceOf(CommandRejected.Conflict.class);
    }

    @Test
    void aFailureIsRecordedAsItsBoundedCodeNeverAStackTrace() {
        CommandRejected conflict = CommandRejected.conflict("kill_switch_already_engaged", Map.of());

        assertThat(ExecutionFailures.reasonOf(conflict)).isEqualTo("kill_switch_already_engaged");
        assertThat(ExecutionFailures.reasonOf(new EJBException(conflict))).isEqualTo("kill_switch_already_engaged");
        assertThat(ExecutionFailures.unexpected(conflict)).isFalse();
        assertThat(ExecutionFailures.reasonOf(new EJBException(new IllegalStateException("boom"))))
                .isEqualTo("unexpected_error: IllegalStateException");
        assertThat(ExecutionFailures.unexpected(new IllegalStateException())).isTrue();
    }
}
