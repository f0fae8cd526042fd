package org.rulestead.rollout;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The guardrail decisions of a rollout rule, as evaluation, ticks and the rollouts view read them. */
@Dependent
class GuardrailDecisions {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    /** The rule's newest decision, of any kind. */
    Optional<GuardrailDecisionRecord> latest(String flagKey, String environmentKey, String ruleKey) {
        return newest("GuardrailDecisionRecord.latestOfRule", flagKey, environmentKey, ruleKey);
    }

    /** The rule's newest advance: the stage it stands at. */
    Optional<GuardrailDecisionRecord> latestAdvance(String flagKey, String environmentKey, String ruleKey) {
        return newest("GuardrailDecisionRecord.latestAdvanceOfRule", flagKey, environmentKey, ruleKey);
    }

    private Optional<GuardrailDecisionRecord> newest(
            String query, String flagKey, String environmentKey, String ruleKey) {
        return entityManager
                .createNamedQuery(query, GuardrailDecisionRecord.class)
                .setParameter("flag", flagKey)
                .setParameter("environment", environmentKey)
                .setParameter("rule", ruleKey)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }
}
