package org.rulestead.grants;

import java.util.List;
import org.rulestead.governance.RoleGrantView;

/** The roles granted in one environment, read together with their version (decisions 17). */
public record EnvironmentRoleGrants(String environmentKey, long version, List<RoleGrantView> grants) {

    public EnvironmentRoleGrants {
        grants = List.copyOf(grants);
    }
}
