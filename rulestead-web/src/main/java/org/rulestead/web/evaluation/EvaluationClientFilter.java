package org.rulestead.web.evaluation;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import org.rulestead.web.problem.Problem;

/**
 * Lets evaluation clients in: an API key ({@code Authorization: Bearer …} or {@code X-API-Key})
 * of the environment asked for, or a signed-in Rulestead user with a role there. A missing or
 * unknown key is 401, a key of another environment or a user without a role there 403; neither
 * reaches the engine.
 */
@Provider
@EvaluationClients
@Priority(Priorities.AUTHENTICATION)
public class EvaluationClientFilter implements ContainerRequestFilter {

    /** The environment an API key is for, for endpoints whose path does not name one (OFREP). */
    public static final String KEY_ENVIRONMENT = EvaluationClientFilter.class.getName() + ".environment";

    @Inject
    private ClientCheck clients;

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        String pathEnvironment = request.getUriInfo().getPathParameters().getFirst("env");
        ClientCheck.SignedIn signedIn = null;
        if (security != null && security.getUserPrincipal() != null) {
            // a signed-in user names the environment in the path, or in OFREP's ?env=
            String environment = pathEnvironment == null && isOfrep(request)
                    ? request.getUriInfo().getQueryParameters().getFirst("env")
                    : pathEnvironment;
            signedIn = new ClientCheck.SignedIn(
                    security.getUserPrincipal().getName(), security::isUserInRole, blankAsNull(environment));
        }
        ClientCheck.Outcome outcome = clients.check(
                request.getHeaderString("Authorization"),
                request.getHeaderString("X-API-Key"),
                pathEnvironment,
                signedIn);
        if (outcome.refused()) {
            request.abortWith(refusal(request, outcome));
        } else if (outcome.keyEnvironment() != null) {
            request.setProperty(KEY_ENVIRONMENT, outcome.keyEnvironment());
        }
    }

    private static boolean isOfrep(ContainerRequestContext request) {
        return request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("ofrep/");
    }

    private static String blankAsNull(String environment) {
        return environment == null || environment.isBlank() ? null : environment;
    }

    private static Response refusal(ContainerRequestContext request, ClientCheck.Outcome outcome) {
        Response problem = Problem.of(
                        outcome.refusalStatus(),
                        outcome.detail(),
                        "/" + request.getUriInfo().getPath(),
                        outcome.domain(),
                        outcome.errorType(),
                        outcome.metadata())
                .toResponse();
        return switch (outcome.refusalStatus()) {
            case 401 -> Response.fromResponse(problem)
                    .header("WWW-Authenticate", "Bearer realm=\"Rulestead\"")
                    .build();
            case 503 -> Response.fromResponse(problem)
                    .header("Retry-After", "5")
                    .build();
            default -> problem;
        };
    }
}
