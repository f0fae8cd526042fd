package org.rulestead.web.admin.pages;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Sends the browser on to another admin page after a command (post, redirect, get). */
final class Navigation {

    private Navigation() {}

    /** Redirects to {@code path} under the application, e.g. {@code /admin/flags/checkout?env=staging}. */
    static void redirect(String path) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
