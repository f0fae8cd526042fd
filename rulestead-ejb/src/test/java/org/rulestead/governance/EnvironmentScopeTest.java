package org.rulestead.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvironmentScopeTest {

    private final List<String> asked = new ArrayList<>();
    private final EnvironmentScope scope = new EnvironmentScope(Actor.operator("newcomer", Set.of()), environment -> {
        asked.add(environment);
        return environment.equals("staging");
    });

    @Test
    void showsTheEnvironmentsThePolicyAllowsAndWhatBelongsToNone() {
        assertThat(scope.within(List.of("development", "staging", "production")))
                .containsExactly("staging");
        assertThat(scope.includes(null)).isTrue();
        assertThat(scope.coversAll(List.of("staging"))).isTrue();
        assertThat(scope.coversAll(List.of("staging", "production"))).isFalse();
    }

    @Test
    void asksThePolicyOncePerEnvironment() {
        scope.includes("staging");
        scope.includes("staging");
        scope.within(List.of("staging", "production"));
        scope.coversAll(List.of("production"));

        assertThat(asked).containsExactly("staging", "production");
    }
}
