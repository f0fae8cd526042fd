package org.rulestead.rollout;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rulestead.guardrail.FactReason;
import org.rulestead.guardrail.GuardrailQuery;
import org.rulestead.guardrail.GuardrailSignalProvider;
import org.rulestead.guardrail.SignalFact;
import org.rulestead.guardrail.SignalFacts;
import org.rulestead.guardrail.SignalReport;
import org.rulestead.ruleset.Guardrail;
import org.rulestead.ruleset.Rule;

/**
 * The current fact of each guardrail of a rollout rule (spec §5.3), normalized now, from the two
 * host seams: the host's {@link GuardrailSignalProvider} bean when one is deployed (called with a
 * timeout; a failure, a null or no answer in time is {@code invalid_provider_response}), else, or
 * when the provider does not serve the signal, the newest fact pushed over REST.
 *
 * <p>Fail closed on partial evidence: when some guardrails have a fact and others have none, the
 * silent ones count as an empty sample ({@code insufficient_sample}), so one healthy signal never
 * speaks for another that was never observed.
 */
@Dependent
class SignalSources {

    private static final Logger LOG = Logger.getLogger(SignalSources.class.getName());

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    @Any
    private Instance<GuardrailSignalProvider> providers;

    @Resource
    private ManagedExecutorService executor;

    /** How long the host's provider may take per signal (server variable rulestead.guardrails.provider.timeout.ms). */
    @Resource(lookup = "rulestead/guardrails/providerTimeoutMillis")
    private Object providerTimeoutMillis;

    /** The facts of {@code rule}'s guardrails with a signal key, in authored order, normalized at {@code at}. */
    List<SignalFact> facts(String flagKey, String environmentKey, Rule rule, String tenantKey, Instant at) {
        List<Guardrail> guardrails = RolloutRules.rolloutOf(rule)
                .map(rollout -> rollout.guardrails().stream()
                        .filter(guardrail -> guardrail.signalKey() != null
                                && !guardrail.signalKey().isBlank())
                        .toList())
                .orElse(List.of());
        List<GuardrailQuery> queries = new ArrayList<>();
        List<SignalReport> reports = new ArrayList<>();
        for (Guardrail guardrail : guardrails) {
            GuardrailQuery query = GuardrailQuery.of(guardrail, environmentKey, tenantKey);
            SignalReport report = fromProvider(query);
            if (report instanceof SignalReport.NoProvider) {
                report = pushed(flagKey, environmentKey, rule.key(), guardrail.signalKey())
                        .orElse(null);
            }
            queries.add(query);
            reports.add(report);
        }
        boolean anyObserved = reports.stream().anyMatch(report -> report != null);
        List<SignalFact> facts = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            SignalReport report = reports.get(i);
            if (report == null && anyObserved) {
                report = neverObserved();
            }
            if (report != null) {
                facts.add(SignalFacts.normalize(queries.get(i), report, at));
            }
        }
        return facts;
    }

    /** The provider's answer, or {@link SignalReport.NoProvider} when none is deployed. */
    private SignalReport fromProvider(GuardrailQuery query) {
        if (providers.isUnsatisfied()) {
            return new SignalReport.NoProvider();
        }
        if (providers.isAmbiguous()) {
            LOG.warning("more than one GuardrailSignalProvider is deployed: every guardrail fails closed");
            return new SignalReport.ProviderFailed();
        }
        GuardrailSignalProvider provider = providers.get();
        Future<SignalReport> answer = executor.submit(() -> provider.fetchSignal(query));
        try {
            SignalReport report = answer.get(timeoutMillis(), TimeUnit.MILLISECONDS);
            return report == null ? new SignalReport.ProviderFailed() : report;
        } catch (TimeoutException slow) {
            answer.cancel(true);
            LOG.warning("the guardrail signal provider did not answer " + query.signalKey() + " in " + timeoutMillis()
                    + " ms");
            return new SignalReport.ProviderFailed();
        } catch (ExecutionException failed) {
            LOG.log(Level.WARNING, "the guardrail signal provider failed on " + query.signalKey(), failed.getCause());
            return new SignalReport.ProviderFailed();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return new SignalReport.ProviderFailed();
        } catch (RuntimeException rejected) {
            // the executor refused the task (shutting down)
            return new SignalReport.ProviderFailed();
        }
    }

    private Optional<SignalReport> pushed(String flagKey, String environmentKey, String ruleKey, String signalKey) {
        return entityManager
                .createNamedQuery("GuardrailSignal.newestOfSignal", GuardrailSignal.class)
                .setParameter("flag", flagKey)
                .setParameter("environment", environmentKey)
                .setParameter("rule", ruleKey)
                .setParameter("signal", signalKey)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .map(signal -> new SignalReport.Reported(signal.reported()));
    }

    /** A guardrail nobody reported on yet, among others that were: an empty sample. */
    private static SignalReport neverObserved() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sample_size", 0);
        fields.put("reason", FactReason.INSUFFICIENT_SAMPLE.wireName());
        return new SignalReport.Reported(fields);
    }

    private long timeoutMillis() {
        long millis = providerTimeoutMillis == null
                ? 2000
                : Long.parseLong(String.valueOf(providerTimeoutMillis).trim());
        return Math.max(1, millis);
    }
}
