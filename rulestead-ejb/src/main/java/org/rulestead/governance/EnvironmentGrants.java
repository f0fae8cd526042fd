package org.rulestead.governance;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The roles granted to a principal environment by environment. */
@Dependent
public class EnvironmentGrants {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    public Map<String, Set<Role>> of(String principal) {
        Map<String, Set<Role>> granted = new HashMap<>();
        entityManager
                .createNamedQuery("RoleGrant.ofPrincipal", RoleGrant.class)
                .setParameter("principal", principal)
                .getResultList()
                .stream()
                .forEach(grant -> granted.computeIfAbsent(
                                grant.environmentKey(), environment -> EnumSet.noneOf(Role.class))
                        .add(grant.role()));
        return granted;
    }
}
