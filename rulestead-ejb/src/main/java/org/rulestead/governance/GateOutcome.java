package org.rulestead.governance;

/**
 * What the gate did with a governed command: applied it, or found that governance wants a change
 * request for it. Only a system actor is answered the latter (an automated tick then submits one,
 * spec §5.6); a person asking directly is refused with {@code change_request_required} instead.
 */
public sealed interface GateOutcome<R> {

    record Applied<R>(R result) implements GateOutcome<R> {}

    record ChangeRequestRequired<R>(ApprovalRequirement requirement) implements GateOutcome<R> {}
}
