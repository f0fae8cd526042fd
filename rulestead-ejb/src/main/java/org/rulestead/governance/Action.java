package org.rulestead.governance;

import java.util.Locale;

/** The closed action catalog (spec §6.1, with PD-6's consistent names). */
public enum Action {
    // governance: high impact, change-request eligible
    PUBLISH_RULESET(Catalog.GOVERNANCE),
    ADVANCE_ROLLOUT(Catalog.GOVERNANCE),
    ENGAGE_KILL_SWITCH(Catalog.GOVERNANCE),
    RELEASE_KILL_SWITCH(Catalog.GOVERNANCE),
    PROMOTE_ENVIRONMENT(Catalog.GOVERNANCE),
    // viewer
    READ_FLAGS(Catalog.VIEWER),
    READ_RULESETS(Catalog.VIEWER),
    READ_ROLLOUTS(Catalog.VIEWER),
    SIMULATE_FLAG(Catalog.VIEWER),
    EXPLAIN_FLAG(Catalog.VIEWER),
    LIST_AUDIT_EVENTS(Catalog.VIEWER),
    READ_CHANGE_REQUESTS(Catalog.VIEWER),
    READ_SCHEDULES(Catalog.VIEWER),
    LIST_WEBHOOK_RECORDS(Catalog.VIEWER),
    FETCH_WEBHOOK_RECORD(Catalog.VIEWER),
    READ_DIAGNOSTICS(Catalog.VIEWER),
    COMPARE_ENVIRONMENTS(Catalog.VIEWER),
    PREVIEW_AUDIENCE_IMPACT(Catalog.VIEWER),
    LIST_AUDIENCE_DEPENDENCIES(Catalog.VIEWER),
    // editor
    CREATE_FLAG(Catalog.EDITOR),
    UPDATE_FLAG(Catalog.EDITOR),
    ARCHIVE_FLAG(Catalog.EDITOR),
    SAVE_DRAFT(Catalog.EDITOR),
    APPLY_AUDIENCE_MUTATION(Catalog.EDITOR),
    SUBMIT_CHANGE_REQUEST(Catalog.EDITOR),
    CANCEL_OWN_CHANGE_REQUEST(Catalog.EDITOR),
    CREATE_SCHEDULE(Catalog.EDITOR),
    // admin
    APPROVE_CHANGE_REQUEST(Catalog.ADMIN),
    REJECT_CHANGE_REQUEST(Catalog.ADMIN),
    EXECUTE_CHANGE_REQUEST(Catalog.ADMIN),
    CANCEL_SCHEDULE(Catalog.ADMIN),
    REQUEUE_SCHEDULE(Catalog.ADMIN),
    RECOVER_SCHEDULE(Catalog.ADMIN),
    ROLLBACK_AUDIT(Catalog.ADMIN),
    EXPORT_AUDIT(Catalog.ADMIN),
    MANAGE_WEBHOOKS(Catalog.ADMIN),
    MANAGE_SETTINGS(Catalog.ADMIN);

    /** The catalogs of spec §6.1. */
    public enum Catalog {
        GOVERNANCE,
        VIEWER,
        EDITOR,
        ADMIN
    }

    private final Catalog catalog;

    Action(Catalog catalog) {
        this.catalog = catalog;
    }

    public Catalog catalog() {
        return catalog;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
