package org.rulestead.environments;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.rulestead.governance.Action;
import org.rulestead.governance.Actor;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.ResourceRef;

/**
 * Lists the environments the caller works in: those where the policy lets them read the flags or
 * the audit trail. A signed-in user with no role anywhere is refused, like every other read.
 */
@Stateless
public class EnvironmentCatalog {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private Authorization authorization;

    public List<EnvironmentSummary> list() {
        Actor actor = authorization.currentActor();
        List<EnvironmentSummary> shown =
                entityManager.createNamedQuery("Environment.all", Environment.class).getResultList().stream()
                        .map(Environment::summary)
                        .filter(environment -> worksIn(actor, environment.key()))
                        .toList();
        if (shown.isEmpty()) {
            throw Authorization.refusal(Action.READ_FLAGS, null, "no_role");
        }
        return shown;
    }

    private boolean worksIn(Actor actor, String environmentKey) {
        ResourceRef environment = ResourceRef.environment(environmentKey);
        return authorization.allows(actor, Action.READ_FLAGS, environment, environmentKey)
                || authorization.allows(actor, Action.LIST_AUDIT_EVENTS, environment, environmentKey);
    }
}
