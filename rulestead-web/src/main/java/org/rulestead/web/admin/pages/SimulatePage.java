package org.rulestead.web.admin.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.EnvironmentCatalog;
import org.rulestead.evaluation.EvaluationContext;
import org.rulestead.simulation.FlagSimulator;

/**
 * {@code /admin/flags/{key}/simulate?env=...}: evaluates the flag as this environment serves it
 * for an identity and attributes typed in, with the trace; the result links to the shareable
 * explain page for the same identity.
 */
@Named
@ViewScoped
public class SimulatePage extends FlagPage {

    private static final long serialVersionUID = 1L;

    private EnvironmentCatalog environmentCatalog;
    private FlagSimulator simulator;

    private final IdentityFields identity = new IdentityFields();
    private String attributes;
    private SimulationView result;

    private String message;

    protected SimulatePage() {}

    @Inject
    public SimulatePage(EnvironmentCatalog environmentCatalog, FlagSimulator simulator) {
        this.environmentCatalog = environmentCatalog;
        this.simulator = simulator;
    }

    public void load() {
        choose(environmentCatalog);
    }

    public void run() {
        message = null;
        result = null;
        EvaluationContext context;
        try {
            context = identity.context(Traits.parse(attributes));
        } catch (IllegalArgumentException badLine) {
            message = badLine.getMessage();
            return;
        }
        try {
            result = SimulationView.of(
                    simulator.simulate(key, selection.currentKey(), context), key, selection.currentKey(), context);
        } catch (CommandRejected rejected) {
            message = Refusals.describe(rejected);
        }
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

    public String getAttributes() {
        return attributes;
    }

    public void setAttributes(String attributes) {
        this.attributes = attributes;
    }
}
