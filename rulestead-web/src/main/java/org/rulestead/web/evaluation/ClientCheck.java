package org.rulestead.web.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.rulestead.apikeys.ApiKeyRegistry;
import org.rulestead.apikeys.KeyHolder;
import org.rulestead.apikeys.KeyRecognition;
import org.rulestead.governance.EnvironmentGrants;
import org.rulestead.governance.Role;

/**
 * Who may evaluate (shared by the JAX-RS filter and the lean keyed path): an API key of the
 * environment asked for ({@code Authorization: Bearer …} or {@code X-API-Key}), or a signed-in
 * Rulestead user with a role there. A user's roles come from their registry groups (everywhere)
 * and from the grants of each environment, which this node holds in memory: checking either never
 * waits on the database, as checking a key does not.
 */
@ApplicationScoped
public class ClientCheck {

    /** The caller's way in, or why not: a refusal carries its status and detail. */
    public record Outcome(
            String keyEnvironment,
            int refusalStatus,
            String detail,
            String domain,
            String errorType,
            Map<String, Object> metadata) {

        static Outcome admitted(String keyEnvironment) {
            return new Outcome(keyEnvironment, 0, null, null, null, Map.of());
        }

        static Outcome refused(int status, String detail, Map<String, Object> metadata) {
            return new Outcome(null, status, detail, "auth", "unauthorized", metadata);
        }

        /** The key may be live, but nothing this node has can tell: try again, or another node. */
        static Outcome undecided() {
            return new Outcome(
                    null,
                    503,
                    "the API key cannot be checked while the database is out of reach; keys this node"
                            + " already knows keep working",
                    "store",
                    "store_unavailable",
                    Map.of());
        }

        /** The user holds no role this node knows of, and it has not read the grants yet: try again. */
        static Outcome grantsUnknown() {
            return new Outcome(
                    null,
                    503,
                    "your roles in this environment cannot be checked while the database is out of reach",
                    "store",
                    "store_unavailable",
                    Map.of());
        }

        public boolean refused() {
            return refusalStatus != 0;
        }
    }

    /**
     * A user the container signed in for this request.
     *
     * @param name the principal's name, as role grants know it
     * @param inRole whether a registry group gives the user a role, by role name
     * @param environment the environment the user evaluates in (the path's, or OFREP's {@code
     *     ?env=}); null for the stateless {@code POST /api/v1/evaluate}, which reads no environment
     */
    public record SignedIn(String name, Predicate<String> inRole, String environment) {}

    /** The roles that let a user evaluate live flags in an environment: viewer or higher. */
    private static final List<Role> EVALUATING = List.of(Role.VIEWER, Role.EDITOR, Role.ADMIN);

    @Inject
    private ApiKeyRegistry keys;

    @Inject
    private EnvironmentGrants grants;

    /**
     * @param environment the environment the path names, or null when the key's own is meant
     * @param signedIn the user the container signed in, or null when nobody signed in
     */
    public Outcome check(String authorization, String apiKey, String environment, SignedIn signedIn) {
        Optional<String> secret = secret(authorization, apiKey);
        if (secret.isPresent()) {
            KeyRecognition recognition = keys.recognise(secret.get());
            if (recognition instanceof KeyRecognition.Recognised recognised) {
                return admitted(recognised.holder(), environment);
            }
            return recognition instanceof KeyRecognition.Undecided
                    ? Outcome.undecided()
                    : Outcome.refused(401, "the API key is not valid (unknown or revoked)", Map.of());
        }
        if (signedIn != null) {
            return user(signedIn);
        }
        return Outcome.refused(
                401, "send an API key (Authorization: Bearer or X-API-Key) or sign in with HTTP Basic", Map.of());
    }

    /**
     * In an environment: viewer or higher there, from a registry group or a grant. Without one
     * (stateless payload evaluation, which reads nothing of any environment): any Rulestead role
     * somewhere, auditors' included.
     */
    private Outcome user(SignedIn signedIn) {
        Map<String, Set<Role>> granted = grants.of(signedIn.name());
        String environment = signedIn.environment();
        List<Role> enough = environment == null ? List.of(Role.values()) : EVALUATING;
        for (Role role : enough) {
            if (signedIn.inRole().test(role.roleName())) {
                return Outcome.admitted(null);
            }
            boolean grantedHere = environment == null
                    ? granted.values().stream().anyMatch(roles -> roles.contains(role))
                    : granted.getOrDefault(environment, Set.of()).contains(role);
            if (grantedHere) {
                return Outcome.admitted(null);
            }
        }
        if (!grants.loaded()) {
            return Outcome.grantsUnknown();
        }
        Map<String, Object> metadata = environment == null ? Map.of() : Map.of("environment_key", environment);
        return Outcome.refused(
                403,
                environment == null
                        ? "you hold no Rulestead role: ask an admin to grant you one"
                        : "evaluating in " + environment + " needs the viewer, editor or admin role there",
                metadata);
    }

    private static Outcome admitted(KeyHolder holder, String environment) {
        if (environment != null && !holder.environmentKey().equals(environment)) {
            return Outcome.refused(
                    403, "this API key is for another environment", Map.of("environment_key", environment));
        }
        return Outcome.admitted(holder.environmentKey());
    }

    private static Optional<String> secret(String authorization, String apiKey) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).trim());
        }
        return Optional.ofNullable(apiKey).map(String::trim).filter(key -> !key.isEmpty());
    }
}
