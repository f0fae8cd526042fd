package org.rulestead.environments;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.rulestead.governance.Authorization;

/** Lists the environments: metadata every signed-in role may see. */
@Stateless
public class EnvironmentCatalog {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private Authorization authorization;

    public List<EnvironmentSummary> list() {
        authorization.currentActor(); // any signed-in role may see where flags live
        return entityManager.createNamedQuery("Environment.all", Environment.class).getResultList().stream()
                .map(Environment::summary)
                .toList();
    }
}
