package org.rulestead.web.security;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * {@code /login}: the admin pages' sign-in form. The form carries a per-session token, so another
 * site cannot sign a browser in behind its user's back.
 */
@WebServlet("/login")
public class SignInServlet extends HttpServlet {

    private static final String TOKEN = SignInServlet.class.getName() + ".token";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private SecurityContext securityContext;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, null, HttpServletResponse.SC_OK);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(TOKEN);
        String offered = request.getParameter("token");
        if (expected == null
                || offered == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8))) {
            render(request, response, "The sign-in form expired. Please try again.", HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String username = trimmed(request.getParameter("username"));
        String password = request.getParameter("password") == null ? "" : request.getParameter("password");
        if (username.isEmpty() || password.isEmpty()) {
            render(request, response, "Enter your user name and password.", HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(
                request,
                response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, password))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            response.sendRedirect(request.getContextPath() + safeNext(request.getParameter("next")));
            return;
        }
        render(request, response, "Wrong user name or password.", HttpServletResponse.SC_UNAUTHORIZED);
    }

    /** Only paths inside the admin pages: a sign-in link must never send an operator elsewhere. */
    static String safeNext(String next) {
        if (next != null && next.startsWith("/admin") && !next.contains("//") && !next.contains("\\")) {
            return next;
        }
        return "/admin/flags";
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String error, int status)
            throws IOException {
        HttpSession session = request.getSession(true);
        String token = HexFormat.of().formatHex(randomBytes());
        session.setAttribute(TOKEN, token);
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write(SignInPage.html(request.getContextPath(), token, safeNext(request.getParameter("next")), error));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
