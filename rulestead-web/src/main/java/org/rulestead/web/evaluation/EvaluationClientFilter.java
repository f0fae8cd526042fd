package org.rulestead.web.evaluation;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rulestead.apikeys.ApiKeyCache;
import org.rulestead.apikeys.KeyHolder;
import org.rulestead.governance.Role;
import org.rulestead.web.problem.Problem;

/**
 * Lets evaluation clients in: an API key ({@code Authorization: Bearer …} or {@code X-API-Key})
 * of the environment asked for, or a signed-in Rulestead user. A missing or unknown key is 401, a
 * key of another environment 403; neither reaches the engine.
 */
@Provider
@EvaluationClients
@Priority(Priorities.AUTHENTICATION)
public class EvaluationClientFilter implements ContainerRequestFilter {

    /** The environment an API key is for, for endpoints whose path does not name one (OFREP). */
    public static final String KEY_ENVIRONMENT = EvaluationClientFilter.class.getName() + ".environment";

    @Inject
    private ApiKeyCache keys;

    @Override
    public void filter(ContainerRequestContext request) {
        String environment = request.getUriInfo().getPathParameters().getFirst("env");
        Optional<String> secret = secret(request);
        if (secret.isPresent()) {
            Optional<KeyHolder> holder = keys.holderOf(secret.get());
            if (holder.isEmpty()) {
                request.abortWith(refusal(request, 401, "the API key is not valid (unknown or revoked)", Map.of()));
            } else if (environment != null && !holder.get().environmentKey().equals(environment)) {
                request.abortWith(refusal(
                        request,
                        403,
                        "this API key is for another environment",
                        Map.of("environment_key", environment)));
            } else {
                request.setProperty(KEY_ENVIRONMENT, holder.get().environmentKey());
            }
            return;
        }
        if (!signedIn(request.getSecurityContext())) {
            request.abortWith(refusal(
                    request,
                    401,
                    "send an API key (Authorization: Bearer or X-API-Key) or sign in with HTTP Basic",
                    Map.of()));
        }
    }

    private static Optional<String> secret(ContainerRequestContext request) {
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).trim());
        }
        return Optional.ofNullable(request.getHeaderString("X-API-Key"))
                .map(String::trim)
                .filter(key -> !key.isEmpty());
    }

    private static boolean signedIn(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            return false;
        }
        for (Role role : Role.values()) {
            if (security.isUserInRole(role.roleName())) {
                return true;
            }
        }
        return false;
    }

    private static Response refusal(
            ContainerRequestContext request, int status, String detail, Map<String, Object> metadata) {
        Response problem = new Problem(
                        status,
                        status == 401 ? "Unauthorized" : "Forbidden",
                        detail,
                        "/" + request.getUriInfo().getPath(),
                        "auth",
                        "unauthorized",
                        metadata,
                        List.of())
                .toResponse();
        return status == 401
                ? Response.fromResponse(problem)
                        .header("WWW-Authenticate", "Bearer realm=\"Rulestead\"")
                        .build()
                : problem;
    }
}
