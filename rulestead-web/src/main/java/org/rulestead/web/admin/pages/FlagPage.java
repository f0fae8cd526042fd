package org.rulestead.web.admin.pages;

/** An admin page about one flag ({@code /admin/flags/{key}/...}) in one environment. */
public abstract class FlagPage extends EnvironmentPage {

    private static final long serialVersionUID = 1L;

    protected String key;

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
