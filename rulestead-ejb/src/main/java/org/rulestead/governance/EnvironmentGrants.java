package org.rulestead.governance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rulestead.runtime.DatabaseAnswered;

/**
 * The roles granted to each principal, environment by environment, held in memory: deciding who
 * may do what, and above all who may evaluate as a signed-in user, never waits on the database.
 * The refresh worker reloads them on every poll that reaches the database, so a grant or a
 * revocation made on another node counts here within a poll interval; one made on this node counts
 * as soon as its transaction commits. Until the first load (a node that started while the
 * database was out of reach) there are none: callers then have their registry roles only, fewer
 * rights, never more.
 */
@ApplicationScoped
public class EnvironmentGrants {

    private static final Logger LOG = Logger.getLogger(EnvironmentGrants.class.getName());

    /** By principal, then environment; {@code loaded} once the database answered. */
    private record Known(Map<String, Map<String, Set<Role>>> byPrincipal, boolean loaded) {}

    private volatile Known known = new Known(Map.of(), false);

    // bumped by every local change: a reload that read the database before the change committed
    // must not put its older list back over it (the next poll brings the change in anyway)
    private long localChanges;

    @Inject
    private StoredGrants stored;

    /** The roles granted to {@code principal}, by environment key; empty when there are none. */
    public Map<String, Set<Role>> of(String principal) {
        return known.byPrincipal().getOrDefault(principal, Map.of());
    }

    /** Whether the grants in memory came from the database (else none are known yet). */
    public boolean loaded() {
        return known.loaded();
    }

    void reload(@Observes DatabaseAnswered answered) {
        long changesBefore;
        synchronized (this) {
            changesBefore = localChanges;
        }
        List<RoleGrantView> grants;
        try {
            grants = stored.all();
        } catch (RuntimeException unreachable) {
            LOG.log(Level.FINE, "could not reload the role grants; keeping those this node has", unreachable);
            return;
        }
        Map<String, Map<String, Set<Role>>> byPrincipal = new HashMap<>();
        grants.forEach(grant -> add(byPrincipal, grant.principal(), grant.environmentKey(), grant.role()));
        synchronized (this) {
            if (localChanges == changesBefore) {
                known = new Known(frozen(byPrincipal), true);
            }
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoleGrantChanged change) {
        synchronized (this) {
            localChanges++;
            Map<String, Map<String, Set<Role>>> byPrincipal = new HashMap<>();
            known.byPrincipal()
                    .forEach((principal, environments) -> environments.forEach((environment, roles) ->
                            roles.forEach(role -> add(byPrincipal, principal, environment, role))));
            if (change.granted()) {
                add(byPrincipal, change.principal(), change.environmentKey(), change.role());
            } else {
                Map<String, Set<Role>> environments = byPrincipal.getOrDefault(change.principal(), Map.of());
                Set<Role> roles = environments.get(change.environmentKey());
                if (roles != null) {
                    roles.remove(change.role());
                }
            }
            known = new Known(frozen(byPrincipal), known.loaded());
        }
    }

    private static void add(
            Map<String, Map<String, Set<Role>>> byPrincipal, String principal, String environment, Role role) {
        byPrincipal
                .computeIfAbsent(principal, name -> new HashMap<>())
                .computeIfAbsent(environment, key -> EnumSet.noneOf(Role.class))
                .add(role);
    }

    /** An immutable copy without empty entries, safe to hand to any thread. */
    private static Map<String, Map<String, Set<Role>>> frozen(Map<String, Map<String, Set<Role>>> byPrincipal) {
        Map<String, Map<String, Set<Role>>> copy = new HashMap<>();
        byPrincipal.forEach((principal, environments) -> {
            Map<String, Set<Role>> granted = new HashMap<>();
            environments.forEach((environment, roles) -> {
                if (!roles.isEmpty()) {
                    granted.put(environment, Set.copyOf(roles));
                }
            });
            if (!granted.isEmpty()) {
                copy.put(principal, Map.copyOf(granted));
            }
        });
        return Map.copyOf(copy);
    }
}
