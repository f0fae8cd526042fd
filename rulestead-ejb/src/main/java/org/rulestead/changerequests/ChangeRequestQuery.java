package org.rulestead.changerequests;

/**
 * Which change requests to list, newest first: each filter is optional; {@code flagKey} matches the
 * flag's key exactly, or with {@code flagKeyPrefix} every key that starts with it; {@code before}
 * is the paging cursor (the id of the previous page's last request).
 */
public record ChangeRequestQuery(
        String environmentKey,
        ChangeRequestStatus status,
        String action,
        String flagKey,
        boolean flagKeyPrefix,
        Long before,
        int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public ChangeRequestQuery {
        limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    /** The newest {@code limit} requests in one environment with this status. */
    public static ChangeRequestQuery of(String environmentKey, ChangeRequestStatus status, int limit) {
        return new ChangeRequestQuery(environmentKey, status, null, null, false, null, limit);
    }

    /** The newest {@code limit} requests about one flag, in every environment. */
    public static ChangeRequestQuery aboutFlag(String flagKey, int limit) {
        return new ChangeRequestQuery(null, null, null, flagKey, false, null, limit);
    }
}
