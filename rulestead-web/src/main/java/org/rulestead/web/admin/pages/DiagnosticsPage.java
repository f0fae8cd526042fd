package org.rulestead.web.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rulestead.environments.EnvironmentCatalog;
import org.rulestead.environments.EnvironmentSummary;
import org.rulestead.governance.Action;
import org.rulestead.governance.Capabilities;
import org.rulestead.governance.Permission;
import org.rulestead.governance.ResourceRef;
import org.rulestead.runtime.RuntimeDiagnostics;
import org.rulestead.runtime.RuntimeDiagnostics.Diagnostics;

/**
 * {@code /admin/diagnostics?env=}: what an SRE checks on the node that answers: each environment's
 * snapshot version and age, whether answers are served stale, the refresh worker, the database as
 * the worker last found it, and the peer nodes. It keeps working while the database is out of
 * reach: the environments are then those this node serves.
 */
@Named
@RequestScoped
public class DiagnosticsPage extends EnvironmentPage {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DiagnosticsPage.class.getName());

    private EnvironmentCatalog environmentCatalog;
    private RuntimeDiagnostics runtimeDiagnostics;
    private Capabilities capabilities;

    private Diagnostics diagnostics;
    private Permission permission;
    private String unavailable;

    protected DiagnosticsPage() {}

    @Inject
    public DiagnosticsPage(
            EnvironmentCatalog environmentCatalog, RuntimeDiagnostics runtimeDiagnostics, Capabilities capabilities) {
        this.environmentCatalog = environmentCatalog;
        this.runtimeDiagnostics = runtimeDiagnostics;
        this.capabilities = capabilities;
    }

    public void load() {
        diagnostics = runtimeDiagnostics.read();
        try {
            choose(environmentCatalog);
        } catch (RuntimeException unreachable) {
            LOG.log(Level.FINE, "environments unavailable; showing those this node serves", unreachable);
            unavailable = "The database is out of reach: these are the environments this node serves.";
            List<EnvironmentSummary> served = getEnvironments().stream()
                    .map(environment -> environment.state().environmentKey())
                    .map(key -> new EnvironmentSummary(key, key, null, false))
                    .toList();
            selection = EnvironmentSelection.choose(served, env);
        }
        permission = capabilities.direct(Action.READ_DIAGNOSTICS, ResourceRef.environment("*"), null);
    }

    public Diagnostics getDiagnostics() {
        return diagnostics;
    }

    public Permission getPermission() {
        return permission;
    }

    public String getUnavailable() {
        return unavailable;
    }

    /**
     * The environments where the operator may read diagnostics, the one the address names first:
     * that is the one the SRE came for.
     */
    public List<RuntimeDiagnostics.EnvironmentDiagnostics> getEnvironments() {
        String current = selection == null ? null : selection.currentKey();
        return diagnostics.environments().stream()
                .filter(environment -> shown(environment.state().environmentKey()))
                .sorted((a, b) -> Boolean.compare(
                        !a.state().environmentKey().equals(current),
                        !b.state().environmentKey().equals(current)))
                .toList();
    }

    public boolean isStaleServing() {
        return getEnvironments().stream().anyMatch(RuntimeDiagnostics.EnvironmentDiagnostics::staleUsed);
    }

    private boolean shown(String environmentKey) {
        return capabilities
                .direct(Action.READ_DIAGNOSTICS, ResourceRef.environment(environmentKey), environmentKey)
                .allowed();
    }

    /** A cache age for people: "850 ms", "12 s", "4 min". */
    public String age(Long millis) {
        if (millis == null) {
            return "nothing loaded";
        }
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 120_000) {
            return millis / 1_000 + " s";
        }
        return millis / 60_000 + " min";
    }
}
