package org.rulestead.web.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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
import org.rulestead.audit.AuditVerification;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.EnvironmentCatalog;

/**
 * {@code /admin/audit?env=…&scope=all&flag=…&actor=…&event=…&from=…&to=…&before=…}: the audit
 * log, newest first, filtered and paged by its URL, with the hash chain's verification: each view
 * checks the events added since the last check, and a button walks the whole chain.
 */
@Named
@RequestScoped
public class AuditLogPage extends EnvironmentPage {

    private static final int PAGE = 50;

    private EnvironmentCatalog environmentCatalog;
    private AuditTrail auditTrail;
    private AuditChainVerifier verifier;

    private String scope;
    private String flag;
    private String actor;
    private String event;
    private String from;
    private String to;
    private String before;
    private List<AuditLine> lines = List.of();
    private Long next;
    private AuditVerification verification;
    private String message;

    protected AuditLogPage() {}

    @Inject
    public AuditLogPage(EnvironmentCatalog environmentCatalog, AuditTrail auditTrail, AuditChainVerifier verifier) {
        this.environmentCatalog = environmentCatalog;
        this.auditTrail = auditTrail;
        this.verifier = verifier;
    }

    /** Runs before rendering (f:viewAction): the page, with the new events' verification. */
    public void load() {
        read(false);
    }

    /** "Verify the whole chain" (a postback, so no link or crawler starts it): the page, with the full check. */
    public void verifyWholeChain() {
        read(true);
    }

    private void read(boolean wholeChain) {
        choose(environmentCatalog);
        Instant fromInstant;
        Instant toInstant;
        try {
            fromInstant = day(from, 0);
            toInstant = day(to, 1);
        } catch (DateTimeParseException badDate) {
            message = "Dates are written 2026-11-21.";
            return;
        }
        Long cursor = before != null && before.matches("[0-9]{1,18}") ? Long.valueOf(before) : null;
        try {
            AuditPage page = auditTrail.list(new AuditQuery(
                    isAllEnvironments() ? null : selection.currentKey(),
                    blankToNull(flag),
                    blankToNull(actor),
                    blankToNull(event),
                    fromInstant,
                    toInstant,
                    cursor,
                    PAGE));
            lines = AuditLine.of(page.items());
            next = page.next();
            verification = wholeChain ? verifier.verifyAll() : verifier.verifyNew();
        } catch (CommandRejected rejected) {
            message = Refusals.describe(rejected);
        }
    }

    /** The start of {@code text}'s day plus {@code days}, UTC; null for no date. */
    private static Instant day(String text, int days) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return LocalDate.parse(text.trim()).plusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The link to the next (older) page with the same filters. */
    public String getNextLink() {
        return link(next);
    }

    /** The link to the newest page with the same filters. */
    public String getFirstLink() {
        return link(null);
    }

    private String link(Long cursor) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("env", selection.currentKey());
        parameters.put("scope", scope);
        parameters.put("flag", flag);
        parameters.put("actor", actor);
        parameters.put("event", event);
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("before", cursor == null ? null : cursor.toString());
        return QueryStrings.of(parameters);
    }

    public boolean isAllEnvironments() {
        return "all".equals(scope);
    }

    public List<AuditLine> getLines() {
        return lines;
    }

    public Long getNext() {
        return next;
    }

    public AuditVerification getVerification() {
        return verification;
    }

    public String getMessage() {
        return message;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getFlag() {
        return flag;
    }

    public void setFlag(String flag) {
        this.flag = flag;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }
}
