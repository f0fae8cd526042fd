package org.rulestead.web.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rulestead.audit.AuditOutcome;
import org.rulestead.audit.AuditPage;
import org.rulestead.audit.AuditTrail;
import org.rulestead.audit.FlagHistoryQuery;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.EnvironmentCatalog;

/**
 * {@code /admin/flags/{key}/timeline?env=…&event=…&actor=…&by=manual|automation&result=…&before=…}:
 * the flag's audit events in one environment, newest first, filtered and paged by the database;
 * automation is told apart from operators' own actions.
 */
@Named
@RequestScoped
public class TimelinePage extends FlagPage {

    private static final int PAGE = 50;

    private EnvironmentCatalog environmentCatalog;
    private AuditTrail auditTrail;

    private String event;
    private String actor;
    private String by;
    private String result;
    private String before;
    private List<AuditLine> lines = List.of();
    private Long next;
    private String message;

    protected TimelinePage() {}

    @Inject
    public TimelinePage(EnvironmentCatalog environmentCatalog, AuditTrail auditTrail) {
        this.environmentCatalog = environmentCatalog;
        this.auditTrail = auditTrail;
    }

    public void load() {
        choose(environmentCatalog);
        Long cursor = before != null && before.matches("[0-9]{1,18}") ? Long.valueOf(before) : null;
        try {
            AuditPage page = auditTrail.history(new FlagHistoryQuery(
                    key,
                    selection.currentKey(),
                    blank(event) ? Set.of() : Set.of(event.trim()),
                    blank(actor) ? null : actor.trim(),
                    blank(by) ? null : "automation".equals(by),
                    outcome(result),
                    cursor,
                    PAGE));
            lines = AuditLine.of(page.items());
            next = page.next();
        } catch (CommandRejected rejected) {
            message = Refusals.describe(rejected);
        }
    }

    private static AuditOutcome outcome(String result) {
        for (AuditOutcome outcome : AuditOutcome.values()) {
            if (outcome.name().toLowerCase(Locale.ROOT).equals(result)) {
                return outcome;
            }
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public boolean isFiltered() {
        return !(blank(event) && blank(actor) && blank(by) && blank(result));
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
        parameters.put("event", event);
        parameters.put("actor", actor);
        parameters.put("by", by);
        parameters.put("result", result);
        parameters.put("before", cursor == null ? null : cursor.toString());
        return QueryStrings.of(parameters);
    }

    public List<AuditLine> getLines() {
        return lines;
    }

    public Long getNext() {
        return next;
    }

    public int getPageSize() {
        return PAGE;
    }

    public String getMessage() {
        return message;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getBy() {
        return by;
    }

    public void setBy(String by) {
        this.by = by;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }
}
