package org.rulestead.governance;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rulestead.runtime.RefreshMonitor;

/**
 * The roles granted to a principal environment by environment. While the database is out of reach
 * there are none to read: a caller then has the roles of their registry groups only (fewer rights,
 * never more), and reading pages such as diagnostics does not wait on the database.
 */
@Dependent
public class EnvironmentGrants {

    private static final Logger LOG = Logger.getLogger(EnvironmentGrants.class.getName());

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private RefreshMonitor database;

    public Map<String, Set<Role>> of(String principal) {
        if (!database.confirmed()) {
            return Map.of();
        }
        try {
            return read(principal);
        } catch (PersistenceException unreachable) {
            LOG.log(Level.FINE, "role grants unavailable; registry roles only", unreachable);
            return Map.of();
        }
    }

    private Map<String, Set<Role>> read(String principal) {
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
