package org.rulestead.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.PasswordValidationCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

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
 * Credentials are checked by the application's identity stores if it has any, else by the
 * server's user registry (the demo basic registry, or LDAP in production) through the standard
 * Jakarta Authentication password callback, so the registry also supplies the caller's groups.
 */
@ApplicationScoped
public class RulesteadAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(RulesteadAuthenticationMechanism.class.getName());
    static final String REALM = "Rulestead";

    @Inject
    private IdentityStoreHandler identityStores;

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
            return verify(basic.get(), context)
                    .map(operator -> signIn(context, operator))
                    .orElseGet(() -> challenge(request, response, "the user name or password is wrong"));
        }
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(SignedInOperator.SESSION_ATTRIBUTE) instanceof SignedInOperator operator) {
            return context.notifyContainerAboutLogin(operator.name(), operator.groups());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request)) {
            return challenge(request, response, "sign in with HTTP Basic credentials");
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

    /**
     * Tells the container who the caller is. An operator checked by the server registry is already
     * known to the container through the password callback, which also brings the registry's groups.
     */
    private static AuthenticationStatus signIn(HttpMessageContext context, SignedInOperator operator) {
        if (operator.checkedByServerRegistry()) {
            return AuthenticationStatus.SUCCESS;
        }
        return context.notifyContainerAboutLogin(operator.name(), operator.groups());
    }

    private AuthenticationStatus formLogin(
            HttpServletRequest request, HttpMessageContext context, UsernamePasswordCredential login) {
        Optional<SignedInOperator> operator = verify(login, context);
        if (operator.isEmpty()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // a new session id at sign-in: no session fixation
        }
        return signIn(context, operator.get());
    }

    private Optional<SignedInOperator> verify(UsernamePasswordCredential credential, HttpMessageContext context) {
        CredentialValidationResult result = identityStores.validate(credential);
        switch (result.getStatus()) {
            case VALID:
                return Optional.of(
                        new SignedInOperator(result.getCallerPrincipal().getName(), result.getCallerGroups(), false));
            case INVALID:
                return Optional.empty();
            default:
                return verifyWithServerRegistry(credential, context);
        }
    }

    private Optional<SignedInOperator> verifyWithServerRegistry(
            UsernamePasswordCredential credential, HttpMessageContext context) {
        PasswordValidationCallback check = new PasswordValidationCallback(
                context.getClientSubject(),
                credential.getCaller(),
                credential.getPassword().getValue());
        try {
            context.getHandler().handle(new Callback[] {check});
        } catch (IOException | UnsupportedCallbackException e) {
            LOG.log(Level.WARNING, "the server registry could not check a password", e);
            return Optional.empty();
        } finally {
            check.clearPassword();
        }
        return check.getResult()
                ? Optional.of(new SignedInOperator(credential.getCaller(), Set.of(), true))
                : Optional.empty();
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
        String path = request.getRequestURI().substring(request.getContextPath().length());
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
