package org.rulestead.schedule;

import jakarta.ejb.EJBException;
import org.rulestead.command.CommandRejected;

/** Why an attempt failed, as the bounded code or sentence its execution records. */
final class ExecutionFailures {

    private static final int MAX_LENGTH = 2000;

    private ExecutionFailures() {}

    /** A refusal's reason ({@code rollout_stage_conflict}, ...); else the kind of fault, never a stack trace. */
    static String reasonOf(Throwable failure) {
        Throwable cause = rootOf(failure);
        String reason = cause instanceof CommandRejected rejected
                ? rejected.getMessage()
                : "unexpected_error: " + cause.getClass().getSimpleName();
        return reason.length() > MAX_LENGTH ? reason.substring(0, MAX_LENGTH) : reason;
    }

    /** Whether the failure is a fault rather than a refusal by the command's own rules. */
    static boolean unexpected(Throwable failure) {
        return !(rootOf(failure) instanceof CommandRejected);
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
