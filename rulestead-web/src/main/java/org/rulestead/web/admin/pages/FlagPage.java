package org.rulestead.web.admin.pages;

import java.util.Optional;
import org.rulestead.flags.FlagEnvironmentView;
import org.rulestead.flags.FlagService;
import org.rulestead.flags.FlagView;

/** An admin page about one flag ({@code /admin/flags/{key}/...}) in one environment. */
public abstract class FlagPage extends EnvironmentPage {

    private static final long serialVersionUID = 1L;

    protected String key;

    /** The page's flag and its state in the selected environment, or what to say instead of them. */
    protected record Located(FlagView flag, FlagEnvironmentView state, String problem) {}

    /** Finds the page's flag in the selected environment (call {@link #choose} first). */
    protected Located locate(FlagService flags) {
        Optional<FlagView> found = key == null ? Optional.empty() : flags.find(key);
        if (found.isEmpty()) {
            return new Located(null, null, "There is no flag “" + key + "”.");
        }
        return found.get().environments().stream()
                .filter(environment -> environment.environmentKey().equals(selection.currentKey()))
                .findFirst()
                .map(state -> new Located(found.get(), state, null))
                .orElseGet(() -> new Located(
                        null,
                        null,
                        "This flag does not live in " + selection.current().name() + "."));
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
