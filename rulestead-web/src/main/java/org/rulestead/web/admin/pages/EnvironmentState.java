package org.rulestead.web.admin.pages;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rulestead.environments.EnvironmentSummary;
import org.rulestead.flags.FlagEnvironmentView;
import org.rulestead.flags.FlagView;

/** One flag in one environment, for the tables that compare environments side by side. */
public record EnvironmentState(
        EnvironmentSummary environment,
        String status,
        Integer activeVersion,
        boolean killSwitchEngaged,
        boolean current) {

    static List<EnvironmentState> of(FlagView flag, EnvironmentSelection selection) {
        return selection.environments().stream()
                .map(environment -> {
                    Optional<FlagEnvironmentView> state = flag.environments().stream()
                            .filter(view -> view.environmentKey().equals(environment.key()))
                            .findFirst();
                    return new EnvironmentState(
                            environment,
                            state.map(view -> view.status().name().toLowerCase(Locale.ROOT))
                                    .orElse("absent"),
                            state.map(FlagEnvironmentView::activeRulesetVersion).orElse(null),
                            state.map(FlagEnvironmentView::killSwitchEngaged).orElse(false),
                            environment.key().equals(selection.currentKey()));
                })
                .toList();
    }
}
