package org.rulestead.web.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The sign-in form of the admin pages. */
@Named
@RequestScoped
public class LoginPage {

    private SecurityContext securityContext;
    private String username;
    private String password;
    private String next;

    protected LoginPage() {}

    @Inject
    public LoginPage(SecurityContext securityContext) {
        this.securityContext = securityContext;
    }

    public String signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(
                                username == null ? "" : username.trim(), password == null ? "" : password))
                        .newAuthentication(true));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + safeNext());
            faces.responseComplete();
            return null;
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong user name or password.", null));
        return null;
    }

    /** Only paths inside the admin pages: a login link must never send an operator elsewhere. */
    String safeNext() {
        if (next != null && next.startsWith("/admin") && !next.contains("//") && !next.contains("\\")) {
            return next;
        }
        return "/admin/flags";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
