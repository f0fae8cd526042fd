package org.rulestead.web.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.EnvironmentCatalog;
import org.rulestead.schedule.ExecutionState;
import org.rulestead.schedule.ScheduleQuery;
import org.rulestead.schedule.ScheduledExecutionList;
import org.rulestead.schedule.ScheduledExecutionService;
import org.rulestead.schedule.ScheduledExecutionView;

/**
 * {@code /admin/schedule?env=…&state=…&before=…}: what the scheduler will run, and what it ran, in
 * one environment: newest first, filtered by state and paged by the database.
 */
@Named
@RequestScoped
public class SchedulePage extends EnvironmentPage {

    private static final int PAGE = 50;

    private EnvironmentCatalog environmentCatalog;
    private ScheduledExecutionService executions;

    private String state;
    private String before;
    private List<ScheduledExecutionView> rows = List.of();
    private Long next;
    private String message;

    protected SchedulePage() {}

    @Inject
    public SchedulePage(EnvironmentCatalog environmentCatalog, ScheduledExecutionService executions) {
        this.environmentCatalog = environmentCatalog;
        this.executions = executions;
    }

    public void load() {
        choose(environmentCatalog);
        Long cursor = before != null && before.matches("[0-9]{1,18}") ? Long.valueOf(before) : null;
        try {
            ScheduledExecutionList page = executions.list(new ScheduleQuery(
                    selection.currentKey(), ExecutionState.of(state).orElse(null), cursor, PAGE));
            rows = page.items();
            next = page.next();
        } catch (CommandRejected rejected) {
            message = Refusals.describe(rejected);
        }
    }

    /** "advance_rollout" → "advance rollout", with the stage a tick looks at. */
    public String describe(ScheduledExecutionView execution) {
        return ScheduleWords.describe(execution);
    }

    public String getNextLink() {
        return link(next);
    }

    public String getFirstLink() {
        return link(null);
    }

    private String link(Long cursor) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("env", selection.currentKey());
        parameters.put("state", state);
        parameters.put("before", cursor == null ? null : cursor.toString());
        return QueryStrings.of(parameters);
    }

    public List<String> getStates() {
        return Arrays.stream(ExecutionState.values())
                .filter(candidate -> candidate != ExecutionState.RUNNING && candidate != ExecutionState.FAILED)
                .map(ExecutionState::wireName)
                .toList();
    }

    public List<ScheduledExecutionView> getRows() {
        return rows;
    }

    public int getPageSize() {
        return PAGE;
    }

    public Long getNext() {
        return next;
    }

    public String getMessage() {
        return message;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }
}
