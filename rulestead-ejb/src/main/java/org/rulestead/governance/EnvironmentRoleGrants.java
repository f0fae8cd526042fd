package org.rulestead.governance;

import java.util.List;

/** The roles granted in one environment, read together with their version (decisions 17). */
public record EnvironmentRoleGrants(String environmentKey, long version, List<RoleGrantView> grants) {

    public EnvironmentRoleGrants {
        grants = List.copyOf(grants);
    }
}
