package org.rulestead.governance;

import java.util.List;
import org.rulestead.validation.Finding;

/**
 * One governed action (spec §6.1's governance catalog), provided by the feature that owns it:
 * publishing a ruleset, engaging or releasing a kill switch, and later advancing a rollout or
 * promoting an environment. A feature plugs an action in by implementing this as a CDI bean; the
 * {@link GovernanceGate} then lets people apply it directly, change requests carry it, and the
 * scheduler run it, each under the same rules. Only the gate calls {@link #apply}: the build
 * checks that nothing else can skip governance.
 *
 * @param <R> what applying it answers (the ruleset published, the flag's new state)
 */
public interface GovernedAction<R> {

    /** How a direct request for an action is authorized (spec §6.4). */
    enum DirectAuthorization {
        /** The capability, then the approval requirement: a change request where one is required. */
        GOVERNED,
        /** The capability alone, in any environment: the kill switch is deliberately fast. */
        CAPABILITY
    }

    Action action();

    /** The audit event applying it writes, and a refused attempt at it is recorded as. */
    String eventType();

    default DirectAuthorization directAuthorization() {
        return DirectAuthorization.GOVERNED;
    }

    /**
     * What is wrong with the command's fields, named relative to the command ({@code version}):
     * the fields it takes, and their shapes. Empty when the command is well formed.
     */
    List<Finding> validate(GovernedCommand command);

    /**
     * Refuses a well-formed command that could not apply to the state as it is now (the draft to
     * publish no longer a draft), so that no change request is approved in vain. Findings name
     * fields relative to the command.
     */
    default void checkApplicable(GovernedCommand command) {}

    /**
     * What the command would change now, for a reviewer: read-only, and for a command that could
     * no longer apply it says so in its summary rather than failing.
     */
    GovernedPreview preview(GovernedCommand command);

    /**
     * Applies the change and writes its audit event, in the caller's transaction. The execution's
     * actor is already authorized; {@code governance} metadata says by which route.
     */
    R apply(GovernedExecution execution);
}
