package org.rulestead.governance;

/**
 * What the current operator may do about one action in one environment, as the admin pages show
 * it (spec §12.1 projection): allowed directly, only by proposing a change request, or not at all,
 * with the reason in words. The services decide again on every command, so the pages cannot
 * drift from them into letting something through.
 */
public record Permission(boolean allowed, boolean proposalOnly, String reason) {

    public static Permission granted() {
        return new Permission(true, false, null);
    }

    public static Permission throughChangeRequest(String reason) {
        return new Permission(true, true, reason);
    }

    public static Permission refused(String reason) {
        return new Permission(false, false, reason);
    }

    /** Allowed, and without a change request. */
    public boolean direct() {
        return allowed && !proposalOnly;
    }
}
