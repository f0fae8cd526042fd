package org.rulestead.runtime;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Reads the evaluation evidence every node has flushed. */
@Dependent
public class EvidenceStore {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    public EvidenceSummary of(String flagKey, String environmentKey) {
        Map<String, Long> served = new TreeMap<>();
        Instant last = null;
        for (EvidenceRow row : entityManager
                .createQuery(
                        "select e from EvidenceRow e where e.flagKey = :flag and e.environmentKey = :environment",
                        EvidenceRow.class)
                .setParameter("flag", flagKey)
                .setParameter("environment", environmentKey)
                .getResultList()) {
            served.put(row.variant(), row.served());
            last = last == null || row.lastEvaluatedAt().isAfter(last) ? row.lastEvaluatedAt() : last;
        }
        return new EvidenceSummary(last, served);
    }
}
