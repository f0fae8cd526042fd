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
    private ClientCheck clients;

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        ClientCheck.Outcome outcome = clients.check(
                request.getHeaderString("Authorization"),
                request.getHeaderString("X-API-Key"),
                request.getUriInfo().getPathParameters().getFirst("env"),
                security == null || security.getUserPrincipal() == null ? null : security::isUserInRole);
        if (outcome.refused()) {
            request.abortWith(refusal(request, outcome));
        } else if (outcome.keyEnvironment() != null) {
            request.setProperty(KEY_ENVIRONMENT, outcome.keyEnvironment());
        }
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
