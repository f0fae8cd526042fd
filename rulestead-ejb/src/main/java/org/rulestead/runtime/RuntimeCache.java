package org.rulestead.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rulestead.evaluation.CompiledFlag;
import org.rulestead.evaluation.ErrorDomain;
import org.rulestead.evaluation.ErrorType;
import org.rulestead.evaluation.EvaluationContext;
import org.rulestead.evaluation.EvaluationError;
import org.rulestead.evaluation.EvaluationResult;
import org.rulestead.evaluation.FlagCompiler;
import org.rulestead.evaluation.Reason;
import org.rulestead.json.JsonTrees;

/**
 * This node's compiled flags, per environment, each behind one reference swapped whole (PD-12).
 * Evaluation reads memory only: no database, no locks, no transaction.
 */
@ApplicationScoped
public class RuntimeCache {

    /** The source of a snapshot restored from this node's disk backup. */
    static final String FROM_BACKUP = "disk";

    /** The source of a snapshot loaded from the database. */
    static final String FROM_DATABASE = "memory";

    private final Map<String, EnvironmentState> environments = new ConcurrentHashMap<>();

    private final Map<String, String> backupStatus = new ConcurrentHashMap<>();

    @Inject
    private EvaluationEvidence evidence;

    @Inject
    private RefreshMonitor monitor;

    /** The disk backup's state for the environment (spec §10.4): disabled, persisted, loaded, quarantined, … */
    public String backupStatus(String environmentKey) {
        return backupStatus.getOrDefault(environmentKey, "disabled");
    }

    void backupStatus(String environmentKey, String status) {
        backupStatus.put(environmentKey, status);
    }

    /** The environment's state, if this node knows the environment. */
    public Optional<EnvironmentState> environment(String environmentKey) {
        return environmentKey == null ? Optional.empty() : Optional.ofNullable(environments.get(environmentKey));
    }

    public List<EnvironmentState> all() {
        return environments.values().stream()
                .sorted(java.util.Comparator.comparing(EnvironmentState::environmentKey))
                .toList();
    }

    /** Evaluates one flag (spec §10.3); empty when this node does not know the environment. */
    public Optional<RuntimeAnswer> evaluate(
            String environmentKey, String flagKey, EvaluationContext context, boolean traced) {
        return environment(environmentKey).map(state -> answer(state, flagKey, context, traced, true));
    }

    /**
     * Evaluates one flag with its trace for an operator's simulation: the same answer a client
     * would get, left out of the evaluation evidence, which counts real traffic only.
     */
    public Optional<RuntimeAnswer> simulate(String environmentKey, String flagKey, EvaluationContext context) {
        return environment(environmentKey).map(state -> answer(state, flagKey, context, true, false));
    }

    /** Evaluates every flag the environment serves, by key. */
    public Optional<Map<String, RuntimeAnswer>> evaluateAll(String environmentKey, EvaluationContext context) {
        return environment(environmentKey).map(state -> {
            Map<String, RuntimeAnswer> answers = new java.util.TreeMap<>();
            state.flags().keySet().forEach(key -> answers.put(key, answer(state, key, context, false, true)));
            return answers;
        });
    }

    private RuntimeAnswer answer(
            EnvironmentState state, String flagKey, EvaluationContext context, boolean traced, boolean counted) {
        CompiledFlag flag = state.flags().get(flagKey);
        EvaluationResult result;
        if (flag != null) {
            result = traced ? flag.evaluateWithTrace(context) : flag.evaluate(context);
            if (counted && !result.isError()) {
                evidence.record(state.environmentKey(), flagKey, result.variant());
            }
        } else if (state.status() == RefreshStatus.READY) {
            result = EvaluationResult.notFound(
                    flagKey,
                    new EvaluationError(
                            ErrorDomain.EVALUATION,
                            ErrorType.FLAG_NOT_FOUND,
                            "runtime flag was not found",
                            Map.of("flag_key", String.valueOf(flagKey), "environment_key", state.environmentKey())));
        } else {
            // nothing fresher to go by: the caller's default, marked stale
            result = new EvaluationResult(null, false, null, Reason.DEFAULT, null, flagKey, null, false, null, null);
        }
        return new RuntimeAnswer(result, state.snapshotVersion(), state.cacheAgeMs(), stale(state), state.source());
    }

    /**
     * Whether answers from this state are stale: its last refresh failed, or the database has not
     * confirmed it for a while (a database that hangs fails no poll, it only stops answering).
     */
    public boolean stale(EnvironmentState state) {
        return state.stale() || !monitor.confirmed();
    }

    /** The database as the refresh worker last found it: {@code reachable}, {@code unreachable} or {@code unknown}. */
    public String database() {
        return monitor.status().database();
    }

    /** Knows the environment, with nothing loaded yet, unless it already does. */
    void register(String environmentKey) {
        environments.putIfAbsent(environmentKey, EnvironmentState.unloaded(environmentKey));
    }

    /**
     * Applies a snapshot newer than what this node has; older or equal ones change nothing, except
     * that what came from the disk backup yields to the database's snapshot, whatever its number:
     * the backup may be of another database (restored, or recreated), and the database is the truth.
     */
    void apply(String environmentKey, long version, String payload, Instant publishedAt, String source) {
        environments.compute(environmentKey, (key, current) -> {
            boolean databaseOverBackup = current != null && current.fromBackup() && !FROM_BACKUP.equals(source);
            if (current != null && current.snapshotVersion() >= version && !databaseOverBackup) {
                return current.ready();
            }
            return new EnvironmentState(
                    key,
                    version,
                    compile(payload),
                    publishedAt,
                    Instant.now(),
                    System.nanoTime(),
                    source,
                    RefreshStatus.READY,
                    null);
        });
    }

    void markReady(String environmentKey) {
        environments.computeIfPresent(environmentKey, (key, current) -> current.ready());
    }

    void markFailed(String environmentKey, String error) {
        environments.computeIfPresent(environmentKey, (key, current) -> current.failed(error));
    }

    @SuppressWarnings("unchecked")
    static Map<String, CompiledFlag> compile(String payload) {
        Map<String, Object> document = (Map<String, Object>) JsonTrees.read(payload);
        Map<String, Object> flags = (Map<String, Object>) document.get("flags");
        Object audiences = document.get("audiences");
        Map<String, CompiledFlag> compiled = new HashMap<>();
        flags.forEach((key, flagPayload) -> {
            Map<String, Object> withAudiences = new HashMap<>((Map<String, Object>) flagPayload);
            withAudiences.put("audiences", audiences);
            compiled.put(key, FlagCompiler.compile(withAudiences));
        });
        return compiled;
    }
}
