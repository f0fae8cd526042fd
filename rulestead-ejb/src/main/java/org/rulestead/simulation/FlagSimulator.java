package org.rulestead.simulation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.rulestead.command.CommandRejected;
import org.rulestead.evaluation.EvaluationContext;
import org.rulestead.explain.Explanation;
import org.rulestead.explain.Redaction;
import org.rulestead.governance.Action;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.ResourceRef;
import org.rulestead.runtime.RuntimeAnswer;
import org.rulestead.runtime.RuntimeCache;

/**
 * The admin-safe simulate and explain seams (spec §4.2): each authorizes its viewer action on the
 * flag in the environment, then evaluates against the snapshot this node serves.
 */
@RequestScoped
public class FlagSimulator {

    /** Only identity survives redaction: attributes are the caller's data, never kept. */
    private static final List<String> ALLOWED = List.of("targeting_key");

    private Authorization authorization;
    private RuntimeCache runtime;

    protected FlagSimulator() {}

    @Inject
    public FlagSimulator(Authorization authorization, RuntimeCache runtime) {
        this.authorization = authorization;
        this.runtime = runtime;
    }

    public Simulation simulate(String flagKey, String environmentKey, EvaluationContext context) {
        authorization.require(Action.SIMULATE_FLAG, ResourceRef.flag(flagKey), environmentKey);
        return run(flagKey, environmentKey, context);
    }

    public Simulation explain(String flagKey, String environmentKey, EvaluationContext context) {
        authorization.require(Action.EXPLAIN_FLAG, ResourceRef.flag(flagKey), environmentKey);
        return run(flagKey, environmentKey, context);
    }

    private Simulation run(String flagKey, String environmentKey, EvaluationContext context) {
        RuntimeAnswer answer = runtime.simulate(environmentKey, flagKey, context)
                .orElseThrow(() -> CommandRejected.environmentNotFound(environmentKey));
        String text = Explanation.withRuntime(
                Explanation.of(answer.result()),
                environmentKey,
                answer.snapshotVersion(),
                answer.source(),
                answer.cacheAgeMs());
        return new Simulation(
                answer, text, Redaction.of(context.attributes(), ALLOWED).audit());
    }
}
