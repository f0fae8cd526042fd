package org.rulestead.web.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.audit.AuditChainVerifier;
import org.rulestead.audit.AuditPage;
import org.rulestead.audit.AuditQuery;
import org.rulestead.audit.AuditTrail;
import org.rulestead.json.JsonTrees;
import org.rulestead.web.json.QueryParameters;

/**
 * {@code /api/v1/admin/audit}: the audit trail, newest first, filtered by {@code env}, {@code flag},
 * {@code actor}, {@code action} (event type), {@code from} and {@code to} (ISO-8601 instants or
 * dates), paged by {@code limit} (1 to 500, default 50) and the {@code next} cursor; and the hash
 * chain's verification. A parameter of the wrong shape is a 400 naming it.
 */
@Path("v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class AuditResource {

    private AuditTrail auditTrail;
    private AuditChainVerifier verifier;

    protected AuditResource() {}

    @Inject
    public AuditResource(AuditTrail auditTrail, AuditChainVerifier verifier) {
        this.auditTrail = auditTrail;
        this.verifier = verifier;
    }

    @GET
    public JsonObject list(
            @QueryParam("env") String env,
            @QueryParam("flag") String flag,
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("next") String next,
            @QueryParam("limit") String limit) {
        AuditPage page = auditTrail.list(new AuditQuery(
                blankToNull(env),
                blankToNull(flag),
                blankToNull(actor),
                blankToNull(action),
                QueryParameters.instant("from", from).orElse(null),
                QueryParameters.instant("to", to).orElse(null),
                QueryParameters.cursor("next", next).orElse(null),
                QueryParameters.integer("limit", limit, 1, AuditQuery.MAX_LIMIT).orElse(AuditQuery.DEFAULT_LIMIT)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", page.items().stream().map(AdminJson::auditEvent).toList());
        json.put("next", page.next());
        return JsonTrees.toJson(json).asJsonObject();
    }

    /**
     * {@code {"valid", "checked", "first_broken_id", "problem", "scope", "verified_through",
     * "chain_length", "last_full_check_at"}}: the full check, which walks every event (what auditors
     * run); {@code ?scope=new_events} checks only the events after the last verified one, as the
     * audit page does on each view.
     */
    @GET
    @Path("verify")
    public JsonObject verify(@QueryParam("scope") String scope) {
        boolean newEvents = QueryParameters.oneOf("scope", scope, List.of("full", "new_events"))
                .map("new_events"::equals)
                .orElse(false);
        return AdminJson.verification(newEvents ? verifier.verifyNew() : verifier.verifyAll());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
