package org.rulestead.web.security;

import jakarta.json.Json;

/** The 401 body, written by the authentication mechanism before JAX-RS is involved. */
final class UnauthorizedProblem {

    private UnauthorizedProblem() {}

    static String json(String instance, String detail) {
        return Json.createObjectBuilder()
                .add("type", "urn:rulestead:problem:unauthenticated")
                .add("title", "Unauthorized")
                .add("status", 401)
                .add("detail", detail)
                .add("instance", instance)
                .add("domain", "auth")
                .add("error_type", "unauthorized")
                .add("metadata", Json.createObjectBuilder().add("reason", "unauthenticated"))
                .add("details", Json.createArrayBuilder())
                .build()
                .toString();
    }
}
