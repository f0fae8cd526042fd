package org.rulestead.governance;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Every role grant as the database holds it, for {@link EnvironmentGrants}. No authorization:
 * this is what authorization reads.
 */
@Stateless
public class StoredGrants {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    /** Every grant, as (principal, environment, role); read on the refresh worker's thread. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<RoleGrantView> all() {
        return entityManager.createNamedQuery("RoleGrant.all", RoleGrant.class).getResultList().stream()
                .map(RoleGrant::view)
                .toList();
    }
}
