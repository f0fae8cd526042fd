package org.rulestead.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The roles a refusal names: those that count where the operator is refused. */
class CapabilitiesTest {

    @Test
    void registryRolesAreNamedAsTheyAre() {
        assertThat(Capabilities.rolesOf(Actor.operator("viewer", Set.of(Role.VIEWER)), "staging"))
                .isEqualTo("viewer");
    }

    @Test
    void grantsAreNamedWithTheirEnvironment() {
        Actor newcomer = new Actor(
                "newcomer",
                ActorType.OPERATOR,
                "newcomer",
                Set.of(),
                Map.of("staging", Set.of(Role.EDITOR), "development", Set.of(Role.VIEWER)));

        assertThat(Capabilities.rolesOf(newcomer, "staging")).isEqualTo("editor in staging");
        assertThat(Capabilities.rolesOf(newcomer, "production")).isEqualTo("no role in production");
        assertThat(Capabilities.rolesOf(newcomer, null)).isEqualTo("viewer in development; editor in staging");
    }

    @Test
    void anOperatorWithoutRolesHasNoRole() {
        assertThat(Capabilities.rolesOf(Actor.operator("newcomer", Set.of()), null))
                .isEqualTo("no role");
    }
}
