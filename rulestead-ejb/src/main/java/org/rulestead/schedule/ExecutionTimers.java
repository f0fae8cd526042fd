package org.rulestead.schedule;

import jakarta.annotation.Resource;
import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rulestead.time.Now;

/**
 * The persistent EJB timers that drive scheduled executions: one single-action timer per arming,
 * whose info is the execution's timer token. Timers live in the database (Liberty's persistent
 * executor), so a restart, or another node on the same database, still fires each one; creating
 * one joins the caller's transaction, so a rolled-back schedule leaves no timer behind.
 *
 * <p>The bean's name keys its timers in the store: renaming it would orphan them.
 */
@Stateless
public class ExecutionTimers {

    private static final Logger LOG = Logger.getLogger(ExecutionTimers.class.getName());

    @Resource
    private TimerService timerService;

    @Inject
    private ExecutionRunner runner;

    @Inject
    private Now now;

    /** Fires {@code token}'s execution at {@code at} (at once, if that has passed). */
    public void arm(String token, Instant at) {
        timerService.createSingleActionTimer(Date.from(at), new TimerConfig(token, true));
    }

    /**
     * Cancels the timer holding {@code token}, if it has not fired. Optional: a timer whose token
     * no execution holds any more does nothing when it fires.
     */
    public void disarm(String token) {
        for (Timer timer : timerService.getTimers()) {
            try {
                if (token.equals(timer.getInfo())) {
                    timer.cancel();
                }
            } catch (NoSuchObjectLocalException | IllegalStateException firedMeanwhile) {
                // it fired, or another node cancelled it: nothing left to cancel
            }
        }
    }

    /**
     * Runs the execution in a transaction of its own; a failed run is recorded (and retried or
     * quarantined) in another. If even that cannot be recorded, the database is likely down: the
     * exception rolls this callback back, and the persistent executor fires it again later.
     */
    @Timeout
    void fire(Timer timer) {
        if (!(timer.getInfo() instanceof String token)) {
            return;
        }
        Instant startedAt = now.instant();
        try {
            runner.run(token, startedAt);
        } catch (RuntimeException failed) {
            String failure = ExecutionFailures.reasonOf(failed);
            if (ExecutionFailures.unexpected(failed)) {
                LOG.log(Level.WARNING, "scheduled execution run failed: " + failure, failed);
            }
            runner.recordFailure(token, failure, startedAt);
        }
    }
}
