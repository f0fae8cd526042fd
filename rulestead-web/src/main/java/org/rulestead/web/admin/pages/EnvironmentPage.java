package org.rulestead.web.admin.pages;

import java.io.Serializable;
import org.rulestead.environments.EnvironmentCatalog;

/**
 * An admin page shown for one environment, the {@code ?env=} of its address; an unknown or missing
 * key shows the first environment and says so.
 */
public abstract class EnvironmentPage implements Serializable {

    private static final long serialVersionUID = 1L;

    protected String env;
    protected EnvironmentSelection selection;

    /** Reads the environments and picks the one the address asks for. */
    protected EnvironmentSelection choose(EnvironmentCatalog catalog) {
        selection = EnvironmentSelection.choose(catalog.list(), env);
        return selection;
    }

    public EnvironmentSelection getSelection() {
        return selection;
    }

    public String getEnv() {
        return env;
    }

    public void setEnv(String env) {
        this.env = env;
    }
}
