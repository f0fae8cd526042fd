package org.rulestead.web.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.EnvironmentCatalog;
import org.rulestead.flags.FlagEnvironmentView;
import org.rulestead.flags.FlagService;
import org.rulestead.flags.FlagView;
import org.rulestead.json.JsonTrees;
import org.rulestead.model.FlagDefinition;
import org.rulestead.model.LifecycleMode;

/** {@code /admin/flags?env=...}: the flag inventory of one environment. */
@Named
@RequestScoped
public class FlagsPage {

    private EnvironmentCatalog environmentCatalog;
    private FlagService flagService;

    private String env;
    private EnvironmentSelection selection;
    private List<FlagRow> rows = List.of();
    private String refusal;

    protected FlagsPage() {}

    @Inject
    public FlagsPage(EnvironmentCatalog environmentCatalog, FlagService flagService) {
        this.environmentCatalog = environmentCatalog;
        this.flagService = flagService;
    }

    /** Runs before rendering (f:viewAction): reads what the selected environment shows. */
    public void load() {
        selection = EnvironmentSelection.choose(environmentCatalog.list(), env);
        try {
            rows = flagService.list().stream().map(this::row).toList();
        } catch (CommandRejected.Forbidden forbidden) {
            refusal = "Your role may not read flags. Ask an administrator for the viewer role.";
        }
    }

    private FlagRow row(FlagView flag) {
        FlagDefinition definition = flag.definition();
        String status = flag.environments().stream()
                .filter(environment -> environment.environmentKey().equals(selection.currentKey()))
                .map(FlagEnvironmentView::status)
                .map(s -> s.name().toLowerCase(Locale.ROOT))
                .findFirst()
                .orElse("not in this environment");
        String lifecycle = definition.lifecycle().mode() == LifecycleMode.PERMANENT
                ? "permanent"
                : "review by " + definition.lifecycle().reviewBy();
        return new FlagRow(
                definition.key(),
                definition.description(),
                definition.flagType().wireName(),
                definition.valueType().wireName(),
                JsonTrees.write(definition.defaultValue()),
                definition.ownership().label(),
                lifecycle,
                status,
                definition.tags());
    }

    public String getEnv() {
        return env;
    }

    public void setEnv(String env) {
        this.env = env;
    }

    public EnvironmentSelection getSelection() {
        return selection;
    }

    public List<FlagRow> getRows() {
        return rows;
    }

    public String getRefusal() {
        return refusal;
    }
}
