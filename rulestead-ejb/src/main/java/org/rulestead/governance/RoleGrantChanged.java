package org.rulestead.governance;

/**
 * A role was granted or revoked in the current transaction: this node applies it once the
 * transaction commits, before the admin who made the change gets the answer.
 */
public record RoleGrantChanged(String principal, String environmentKey, Role role, boolean granted) {}
