package org.rulestead.web.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.rulestead.apikeys.ApiKeyRegistry;
import org.rulestead.apikeys.KeyHolder;
import org.rulestead.apikeys.KeyRecognition;
import org.rulestead.governance.Role;

/**
 * Who may evaluate (shared by the JAX-RS filter and the lean keyed path): an API key of the
 * environment asked for ({@code Authorization: Bearer …} or {@code X-API-Key}), or a signed-in
 * Rulestead user.
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

        public boolean refused() {
            return refusalStatus != 0;
        }
    }

    @Inject
    private ApiKeyRegistry keys;

    /**
     * @param environment the environment the path names, or null when the key's own is meant
     * @param signedInAs whether the signed-in caller has a role, by role name; null when nobody signed in
     */
    public Outcome check(String authorization, String apiKey, String environment, Predicate<String> signedInAs) {
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
        if (signedInAs != null) {
            for (Role role : Role.values()) {
                if (signedInAs.test(role.roleName())) {
                    return Outcome.admitted(null);
                }
            }
        }
        return Outcome.refused(
                401, "send an API key (Authorization: Bearer or X-API-Key) or sign in with HTTP Basic", Map.of());
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
