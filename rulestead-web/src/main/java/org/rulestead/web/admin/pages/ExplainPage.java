package org.rulestead.web.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.EnvironmentCatalog;
import org.rulestead.evaluation.EvaluationContext;
import org.rulestead.simulation.FlagSimulator;

/**
 * {@code /admin/flags/{key}/explain?env=…&targeting_key=…&tenant_key=…}: the decision explainer,
 * a permalink. Only identity fields come in the URL, never attributes (spec §4.3), so a rule that
 * needs attributes shows here as not matched; the simulate page takes attributes.
 */
@Named
@RequestScoped
public class ExplainPage extends FlagPage {

    private EnvironmentCatalog environmentCatalog;
    private FlagSimulator simulator;

    private final IdentityFields identity = new IdentityFields();
    private SimulationView result;
    private String message;

    protected ExplainPage() {}

    @Inject
    public ExplainPage(EnvironmentCatalog environmentCatalog, FlagSimulator simulator) {
        this.environmentCatalog = environmentCatalog;
        this.simulator = simulator;
    }

    public void load() {
        choose(environmentCatalog);
        if (identity.isEmpty()) {
            return;
        }
        // attributes never come in a link
        EvaluationContext context = identity.context(Map.of());
        try {
            result = SimulationView.of(
                    simulator.explain(key, selection.currentKey(), context), key, selection.currentKey(), context);
        } catch (CommandRejected rejected) {
            message = Refusals.describe(rejected);
        }
    }

    /** The environment switch keeps the identity, so the same user is explained elsewhere. */
    public String getEnvLinkPrefix() {
        if (result == null) {
            return "?";
        }
        String link = result.explainLink();
        return "?" + link.substring(link.indexOf('&') + 1) + "&";
    }

    public IdentityFields getIdentity() {
        return identity;
    }

    public SimulationView getResult() {
        return result;
    }

    public String getMessage() {
        return message;
    }
}
