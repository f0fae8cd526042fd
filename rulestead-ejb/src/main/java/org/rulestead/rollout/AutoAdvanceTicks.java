package org.rulestead.rollout;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.flags.RulesetPublished;
import org.rulestead.governance.Action;
import org.rulestead.governance.Actor;
import org.rulestead.governance.GovernedCommand;
import org.rulestead.governance.Route;
import org.rulestead.runtime.Snapshots;
import org.rulestead.schedule.ExecutionScheduler;
import org.rulestead.schedule.NewExecution;
import org.rulestead.schedule.ScheduledExecutionView;

/**
 * Auto-advance ticks of rollout rules (spec §5.6): after each advance, the tick that will look at
 * the new stage when its observation window closes, as a scheduled execution run by the scheduler
 * (each earlier pending tick of the rule is cancelled first); a publish cancels every pending tick
 * of the flag in the environment, since the rules they watched are no longer in force.
 *
 * <p>The chain stops by itself (PD-8): a tick is scheduled only while the policy leads somewhere
 * else than the stage just reached, so after an automated advance to the policy's next stage the
 * rule waits for the operator's next policy.
 */
@Dependent
public class AutoAdvanceTicks {

    /** The source of the scheduled executions that are auto-advance ticks. */
    public static final String SOURCE = "guardrail_automation";

    /** The longest idempotency key a scheduled execution keeps (V16). */
    static final int MAX_KEY = 512;

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    private final ExecutionScheduler scheduler;

    @Inject
    public AutoAdvanceTicks(ExecutionScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Supersedes the rule's pending ticks but {@code running} (the tick that made this advance, if
     * one did) and schedules the next per the rule's policy. Never fails the advance: what it did,
     * or why it scheduled nothing, is answered for the advance's audit row.
     */
    Map<String, Object> afterAdvance(StageAdvance advance, Long running, CommandContext context) {
        List<Long> superseded = scheduler.cancelPending(
                advance.flagKey(),
                advance.environmentKey(),
                advance.ruleKey(),
                SOURCE,
                running,
                "superseded by new auto-advance stage advance",
                context);
        Map<String, Object> tick = new LinkedHashMap<>();
        tick.put("superseded_scheduled_execution_ids", superseded);
        Optional<AutoAdvancePlan> plan = policyOf(advance.flagKey(), advance.environmentKey(), advance.ruleKey())
                .map(AutoAdvancePolicy::plan);
        String unscheduled = unscheduled(plan, advance);
        if (unscheduled != null) {
            tick.put("scheduled_execution_id", null);
            tick.put("not_scheduled", unscheduled);
            return tick;
        }
        try {
            ScheduledExecutionView scheduled = scheduler.schedule(newTick(advance, plan.get()), context);
            tick.put("scheduled_execution_id", scheduled.id());
            tick.put("scheduled_for", scheduled.scheduledFor().toString());
        } catch (CommandRejected refused) {
            // spec §5.6: failing to schedule a tick never fails the advance
            tick.put("scheduled_execution_id", null);
            tick.put("not_scheduled", "schedule_auto_advance_tick failed: " + refused.getMessage());
        }
        return tick;
    }

    /** A publish supersedes every pending tick of the flag in the environment. */
    void onPublish(@Observes RulesetPublished published) {
        scheduler.cancelPending(
                published.flagKey(),
                published.environmentKey(),
                null,
                SOURCE,
                null,
                "superseded: ruleset version " + published.version() + " was put in force",
                new CommandContext(null, published.correlationId(), "scheduler"));
    }

    /** When the rule's pending tick runs, if one is pending. */
    Optional<Instant> nextTickAt(String flagKey, String environmentKey, String ruleKey) {
        return scheduler.nextRun(flagKey, environmentKey, ruleKey, SOURCE);
    }

    Optional<AutoAdvancePolicy> policyOf(String flagKey, String environmentKey, String ruleKey) {
        return entityManager
                .createNamedQuery("AutoAdvancePolicy.ofRule", AutoAdvancePolicy.class)
                .setParameter("flag", flagKey)
                .setParameter("environment", environmentKey)
                .setParameter("rule", ruleKey)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** Why no tick follows this advance, or null when one does. */
    private static String unscheduled(Optional<AutoAdvancePlan> plan, StageAdvance advance) {
        if (plan.isEmpty() || !plan.get().enabled()) {
            return "auto_advance_disabled";
        }
        if (!plan.get().complete()) {
            return "auto_advance_policy_incomplete";
        }
        if (advance.windowEndsAt() == null) {
            return "monitoring_window_unset";
        }
        if (plan.get().nextStage().equals(advance.stage()) && plan.get().nextPercentage() == advance.percentage()) {
            // PD-8: the policy leads to the stage just reached; advancing there again would loop
            return "auto_advance_chain_complete";
        }
        return null;
    }

    /**
     * {@code scheduled_execution:auto_advance:<flag>:<env>:<rule>:<stage>:<window end>} (spec
     * §5.6), with the part after the prefix replaced by its SHA-256 when long keys and labels would
     * not fit the key's 512 characters: scheduling must never fail the advance.
     */
    static String tickKey(String tick) {
        String prefix = "scheduled_execution:auto_advance:";
        if (prefix.length() + tick.length() <= MAX_KEY) {
            return prefix + tick;
        }
        return prefix + "sha256:" + Snapshots.checksum(tick);
    }

    /** The tick of spec §5.6 step 2: due at the window's end, with the stage it will look at. */
    private static NewExecution newTick(StageAdvance advance, AutoAdvancePlan plan) {
        Instant windowEnds = advance.windowEndsAt().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> rollout = new LinkedHashMap<>();
        rollout.put("rule_key", advance.ruleKey());
        rollout.put("stage", advance.stage());
        rollout.put("percentage", advance.percentage());
        rollout.put(
                "monitoring_window_started_at",
                advance.windowStartedAt() == null
                        ? null
                        : advance.windowStartedAt().toString());
        rollout.put("monitoring_window_ends_at", advance.windowEndsAt().toString());
        Map<String, Object> autoAdvance = new LinkedHashMap<>();
        autoAdvance.put("policy_next_stage", plan.nextStage());
        autoAdvance.put("policy_next_percentage", plan.nextPercentage());
        autoAdvance.put("observation_window_seconds", plan.observationWindowSeconds());
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("rollout", rollout);
        snapshot.put("auto_advance", autoAdvance);
        snapshot.put("signal_facts", List.of());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("source", SOURCE);
        metadata.put("automation_phase", "evaluate_and_advance");
        return new NewExecution(
                GovernedCommand.onFlag(Action.ADVANCE_ROLLOUT, advance.flagKey(), advance.environmentKey(), snapshot),
                Route.ExecutionMode.POLICY_BYPASS,
                advance.windowEndsAt(),
                "auto_advance observation window close",
                metadata,
                SOURCE,
                advance.ruleKey(),
                null,
                tickKey(advance.flagKey() + ":" + advance.environmentKey() + ":" + advance.ruleKey() + ":"
                        + advance.stage() + ":" + windowEnds),
                UUID.randomUUID().toString(),
                Actor.SCHEDULER,
                List.of());
    }
}
