package org.rulestead.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.auth.message.callback.PasswordValidationCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Hashtable;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.rulestead.web.routing.CanonicalPaths;

/**
 * One authentication mechanism for the whole application, because Jakarta Security 3 allows one:
 *
 * <ul>
 *   <li>REST clients send HTTP Basic credentials on every call; no session is created. A protected
 *       API path without credentials answers 401 problem+json with a Basic challenge.
 *   <li>Operators sign in once on {@code /login}; the admin pages then run on the session. A
 *       protected page without a session redirects to the login page.
 * </ul>
 *
 * Credentials are checked by the server's user registry (the demo basic registry, or LDAP in
 * production) through the standard Jakarta Authentication password callback, so the registry also
 * supplies the caller's groups, which the application binding maps to roles.
 */
@ApplicationScoped
public class RulesteadAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(RulesteadAuthenticationMechanism.class.getName());
    static final String REALM = "Rulestead";

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential offered =
                context.isAuthenticationRequest() ? context.getAuthParameters().getCredential() : null;
        if (offered instanceof UsernamePasswordCredential login) {
            return formLogin(request, context, login);
        }
        Optional<UsernamePasswordCredential> basic = basicCredential(request);
        if (basic.isPresent()) {
            return checkedByRegistry(basic.get(), context)
                    ? AuthenticationStatus.SUCCESS
                    : challenge(request, response, "the user name or password is wrong");
        }
        if (isApi(request)) {
            // the API never runs on a browser session: a cookie alone must not be able to change anything
            return context.isProtected()
                    ? challenge(request, response, "sign in with HTTP Basic credentials")
                    : context.doNothing();
        }
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(SignedInOperator.SESSION_ATTRIBUTE) instanceof SignedInOperator operator) {
            return continueSession(context, operator);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return context.redirect(request.getContextPath() + "/login?next=" + originalTarget(request));
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SignedInOperator.SESSION_ATTRIBUTE);
        }
    }

    private AuthenticationStatus formLogin(
            HttpServletRequest request, HttpMessageContext context, UsernamePasswordCredential login) {
        if (!checkedByRegistry(login, context)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // a new session id at sign-in: no session fixation
        }
        Optional<Hashtable<?, ?>> registryCredential = registryCredential(context);
        if (registryCredential.isEmpty()) {
            LOG.warning("the server registry accepted " + login.getCaller()
                    + " but left no credential to keep the session with; check the server's security configuration");
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.getSession(true)
                .setAttribute(
                        SignedInOperator.SESSION_ATTRIBUTE,
                        new SignedInOperator(login.getCaller(), registryCredential.get()));
        return AuthenticationStatus.SUCCESS;
    }

    /**
     * Hands back to the server, on each request of the session, the credential its registry built
     * when the operator signed in (user, realm, groups). Naming the caller through Jakarta Security
     * instead would put them in a realm of its own, where the registry's groups, and so the role
     * bindings, do not apply.
     */
    private static AuthenticationStatus continueSession(HttpMessageContext context, SignedInOperator operator) {
        context.getClientSubject().getPrivateCredentials().add(new Hashtable<>(operator.registryCredential()));
        return AuthenticationStatus.SUCCESS;
    }

    /** The credential Liberty's registry leaves in the subject after a successful password check. */
    private static Optional<Hashtable<?, ?>> registryCredential(HttpMessageContext context) {
        return context.getClientSubject().getPrivateCredentials(Hashtable.class).stream()
                .<Hashtable<?, ?>>map(Hashtable::new)
                .findFirst();
    }

    private static boolean checkedByRegistry(UsernamePasswordCredential credential, HttpMessageContext context) {
        PasswordValidationCallback check = new PasswordValidationCallback(
                context.getClientSubject(),
                credential.getCaller(),
                credential.getPassword().getValue());
        try {
            context.getHandler().handle(new Callback[] {check});
            return check.getResult();
        } catch (IOException | UnsupportedCallbackException e) {
            LOG.log(Level.WARNING, "the server registry could not check a password", e);
            return false;
        } finally {
            check.clearPassword();
        }
    }

    private static Optional<UsernamePasswordCredential> basicCredential(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.of(new UsernamePasswordCredential("", ""));
            }
            return Optional.of(
                    new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.of(new UsernamePasswordCredential("", ""));
        }
    }

    private static AuthenticationStatus challenge(
            HttpServletRequest request, HttpServletResponse response, String detail) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(UnauthorizedProblem.json(request.getRequestURI(), detail));
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not write the 401 body", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = CanonicalPaths.of(request);
        return path.startsWith("/api/") || path.startsWith("/ofrep/");
    }

    private static String originalTarget(HttpServletRequest request) {
        String target =
                request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            target += "?" + request.getQueryString();
        }
        return URLEncoder.encode(target, StandardCharsets.UTF_8);
    }
}
