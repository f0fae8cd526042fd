package org.rulestead.web.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.rulestead.audit.AuditEventView;
import org.rulestead.audit.AuditTrail;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.EnvironmentCatalog;

/**
 * {@code /admin/flags/{key}/timeline?env=…&event=…&actor=…&by=manual|automation&result=…}: the
 * flag's audit events in one environment, newest first, filtered by the URL; automation is told
 * apart from operators' own actions.
 */
@Named
@RequestScoped
public class TimelinePage extends FlagPage {

    private EnvironmentCatalog environmentCatalog;
    private AuditTrail auditTrail;

    private String event;
    private String actor;
    private String by;
    private String result;
    private List<AuditLine> all = List.of();
    private List<AuditLine> lines = List.of();
    private String message;

    protected TimelinePage() {}

    @Inject
    public TimelinePage(EnvironmentCatalog environmentCatalog, AuditTrail auditTrail) {
        this.environmentCatalog = environmentCatalog;
        this.auditTrail = auditTrail;
    }

    public void load() {
        choose(environmentCatalog);
        try {
            List<AuditEventView> events = new ArrayList<>(auditTrail.timeline(key, selection.currentKey()));
            Collections.reverse(events);
            all = AuditLine.of(events);
            lines = all.stream()
                    .filter(line -> blank(event) || line.event().eventType().equals(event))
                    .filter(line -> blank(actor) || actor.equals(line.event().actorId()))
                    .filter(line -> blank(by) || ("automation".equals(by) == line.automated()))
                    .filter(line -> blank(result) || line.outcome().equals(result))
                    .toList();
        } catch (CommandRejected rejected) {
            message = Refusals.describe(rejected);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public List<String> getEventTypes() {
        return all.stream()
                .map(line -> line.event().eventType())
                .distinct()
                .sorted()
                .toList();
    }

    public List<String> getActors() {
        return all.stream()
                .map(line -> line.event().actorId())
                .distinct()
                .sorted()
                .toList();
    }

    public boolean isFiltered() {
        return !(blank(event) && blank(actor) && blank(by) && blank(result));
    }

    public List<AuditLine> getLines() {
        return lines;
    }

    public int getTotal() {
        return all.size();
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
}
