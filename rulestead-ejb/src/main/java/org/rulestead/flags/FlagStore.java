package org.rulestead.flags;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.rulestead.command.CommandRejected;

/**
 * Finds the flags and flag environments commands work on, answering the spec's not-found and
 * archived errors (§3.2) when they are missing or may not change.
 */
@Dependent
public class FlagStore {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    /** The flag, or 404 {@code flag_not_found}. */
    public Flag flag(String key) {
        return entityManager
                .createNamedQuery("Flag.byKey", Flag.class)
                .setParameter("key", key)
                .getResultList()
                .stream()
                .findFirst()
                .orElseThrow(() -> CommandRejected.flagNotFound(key));
    }

    /** The flag, if it may still change; 409 {@code flag_archived} otherwise. */
    public Flag changeableFlag(String key) {
        Flag flag = flag(key);
        if (flag.archived()) {
            throw CommandRejected.flagArchived(key);
        }
        return flag;
    }

    /** The flag's state in the environment: 404 when the environment or the flag there does not exist. */
    public FlagEnvironment in(Flag flag, String environmentKey) {
        requireEnvironment(environmentKey);
        return flag.in(environmentKey).orElseThrow(() -> CommandRejected.flagNotFoundIn(flag.key(), environmentKey));
    }

    /** Ruleset {@code version} of the flag in an environment, read by its number alone (not the whole history). */
    public Optional<Ruleset> ruleset(FlagEnvironment state, int version) {
        return entityManager
                .createNamedQuery("Ruleset.ofVersion", Ruleset.class)
                .setParameter("state", state)
                .setParameter("version", version)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** The ruleset in force in a flag environment, empty before its first publish. */
    public Optional<Ruleset> inForce(FlagEnvironment state) {
        Integer active = state.view().activeRulesetVersion();
        return active == null ? Optional.empty() : ruleset(state, active);
    }

    /** 404 {@code environment_not_found} unless the environment exists. */
    public void requireEnvironment(String environmentKey) {
        long found = entityManager
                .createQuery("select count(e) from Environment e where e.key = :key", Long.class)
                .setParameter("key", environmentKey)
                .getSingleResult();
        if (found == 0) {
            throw CommandRejected.environmentNotFound(environmentKey);
        }
    }
}
