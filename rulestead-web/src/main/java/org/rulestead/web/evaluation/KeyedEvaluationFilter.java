package org.rulestead.web.evaluation;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.rulestead.evaluation.ErrorType;
import org.rulestead.evaluation.EvaluationContext;
import org.rulestead.runtime.RuntimeAnswer;
import org.rulestead.runtime.RuntimeCache;
import org.rulestead.web.json.JsonBodies;
import org.rulestead.web.json.MalformedRequest;
import org.rulestead.web.problem.Problem;
import org.rulestead.web.routing.CanonicalPaths;

/**
 * The hot path, {@code POST /api/v1/environments/{env}/flags/{key}/evaluate}, answered here in
 * front of JAX-RS with the checks of {@link EvaluationClientFilter} and the answer shape of {@link
 * LiveEvaluationResource}, without the framework's per-request work (measured: most of the time a
 * keyed evaluation took). Every other request goes on to JAX-RS.
 */
@WebFilter("/api/v1/environments/*")
public class KeyedEvaluationFilter extends HttpFilter {

    private static final String PREFIX = "/api/v1/environments/";
    private static final String FLAGS = "/flags/";
    private static final String EVALUATE = "/evaluate";

    // made once: looking the JSON provider up on every request costs more than the evaluation
    private static final JsonWriterFactory WRITERS = Json.createWriterFactory(Map.of());

    @Inject
    private ClientCheck clients;

    @Inject
    private RuntimeCache runtime;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = CanonicalPaths.of(request);
        String[] target = "POST".equals(request.getMethod()) ? keyedTarget(path) : null;
        if (target == null) {
            chain.doFilter(request, response);
            return;
        }
        String environment = target[0];
        String key = target[1];
        ClientCheck.Outcome client = clients.check(
                request.getHeader("Authorization"),
                request.getHeader("X-API-Key"),
                environment,
                request.getUserPrincipal() == null
                        ? null
                        : new ClientCheck.SignedIn(
                                request.getUserPrincipal().getName(), request::isUserInRole, environment));
        if (client.refused()) {
            if (client.refusalStatus() == 401) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"Rulestead\"");
            }
            if (client.refusalStatus() == 503) {
                response.setHeader("Retry-After", "5");
            }
            problem(
                    response,
                    path,
                    client.refusalStatus(),
                    client.detail(),
                    client.domain(),
                    client.errorType(),
                    client.metadata());
            return;
        }
        EvaluationContext context;
        try {
            String body = JsonBodies.text(request.getInputStream());
            context = EvaluationContext.from(body.isBlank() ? Map.of() : JsonBodies.parse(body));
        } catch (MalformedRequest malformed) {
            problem(
                    response,
                    path,
                    malformed.status(),
                    malformed.getMessage(),
                    malformed.domain(),
                    malformed.errorType(),
                    Map.of());
            return;
        }
        Optional<RuntimeAnswer> answer = runtime.evaluate(environment, key, context, false);
        if (answer.isEmpty()) {
            problem(
                    response,
                    path,
                    404,
                    "environment was not found",
                    "config",
                    "environment_not_found",
                    Map.of("environment_key", environment));
            return;
        }
        if (answer.get().result().isError() && answer.get().result().error().type() == ErrorType.FLAG_NOT_FOUND) {
            problem(
                    response,
                    path,
                    404,
                    "runtime flag was not found",
                    "evaluation",
                    "flag_not_found",
                    Map.of("flag_key", key, "environment_key", environment));
            return;
        }
        write(
                response,
                200,
                "application/json",
                LiveEvaluationResource.live(ResultJson.of(answer.get().result()), answer.get())
                        .build());
    }

    /** {@code [env, key]} when the path is exactly the keyed evaluation, else null. */
    static String[] keyedTarget(String path) {
        if (!path.startsWith(PREFIX) || !path.endsWith(EVALUATE)) {
            return null;
        }
        String middle = path.substring(PREFIX.length(), path.length() - EVALUATE.length());
        int flags = middle.indexOf(FLAGS);
        if (flags <= 0) {
            return null;
        }
        String environment = middle.substring(0, flags);
        String key = middle.substring(flags + FLAGS.length());
        if (environment.contains("/") || key.isEmpty() || key.contains("/")) {
            return null;
        }
        return new String[] {decode(environment), decode(key)};
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    private static void problem(
            HttpServletResponse response,
            String path,
            int status,
            String detail,
            String domain,
            String errorType,
            Map<String, Object> metadata)
            throws IOException {
        write(
                response,
                status,
                Problem.MEDIA_TYPE,
                Problem.of(status, detail, path, domain, errorType, metadata).toJson());
    }

    private static void write(HttpServletResponse response, int status, String mediaType, JsonObject body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(mediaType);
        response.setCharacterEncoding("UTF-8");
        try (JsonWriter writer = WRITERS.createWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            writer.writeObject(body);
        }
    }
}
