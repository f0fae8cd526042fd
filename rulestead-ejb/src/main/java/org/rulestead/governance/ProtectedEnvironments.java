package org.rulestead.governance;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Which environments are protected: production-like, where high-impact changes need review. */
@Dependent
public class ProtectedEnvironments {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    public boolean isProtected(String environmentKey) {
        if (environmentKey == null) {
            return false;
        }
        return entityManager
                .createNamedQuery("Environment.protectionByKey", Boolean.class)
                .setParameter("key", environmentKey)
                .getResultList()
                .stream()
                .findFirst()
                .orElse(false);
    }
}
