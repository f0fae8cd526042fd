package org.rulestead.web.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.audit.AuditChainVerifier;
import org.rulestead.audit.AuditPage;
import org.rulestead.audit.AuditQuery;
import org.rulestead.audit.AuditTrail;
import org.rulestead.command.CommandRejected;
import org.rulestead.json.JsonTrees;
import org.rulestead.validation.Finding;

/**
 * {@code /api/v1/admin/audit}: the audit trail, newest first, filtered by {@code env}, {@code flag},
 * {@code actor}, {@code action} (event type), {@code from} and {@code to} (ISO-8601 instants or
 * dates), paged by {@code limit} and the {@code next} cursor; and the hash chain's verification.
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
            @QueryParam("next") Long next,
            @QueryParam("limit") Integer limit) {
        AuditPage page = auditTrail.list(new AuditQuery(
                blankToNull(env),
                blankToNull(flag),
                blankToNull(actor),
                blankToNull(action),
                instant("from", from),
                instant("to", to),
                next,
                limit == null ? AuditQuery.DEFAULT_LIMIT : limit));
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
        if (scope == null || scope.isBlank() || scope.equals("full")) {
            return AdminJson.verification(verifier.verifyAll());
        }
        if (scope.equals("new_events")) {
            return AdminJson.verification(verifier.verifyNew());
        }
        throw new CommandRejected.Invalid(
                "config",
                "invalid_command",
                "unknown verification scope",
                List.of(new Finding("scope", "must be full (the default) or new_events")));
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDate.parse(text.trim()).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                throw new CommandRejected.Invalid(
                        "config",
                        "invalid_command",
                        "the audit filter is invalid",
                        List.of(new Finding(field, "must be an ISO-8601 instant or date, e.g. 2026-11-21")));
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
