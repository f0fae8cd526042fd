package org.rulestead.web.admin.pages;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rulestead.governance.Capabilities;
import org.rulestead.web.routing.CanonicalPaths;

/**
 * Maps the admin pages' public URLs (bookmarked, pasted into tickets) onto their Faces views:
 * {@code /admin/flags/checkout/rules?env=staging} renders {@code /admin/rules.xhtml?key=checkout}.
 * The query string travels with the forward, so {@code ?env=} reaches the page; a postback goes
 * to the same public URL ({@link PublicActionUrls}). A signed-in user who may read nothing
 * anywhere gets one page saying why ({@link NoRolePage}).
 */
@WebFilter(urlPatterns = {"/", "/logout", "/admin", "/admin/*"})
public class AdminRoutes extends HttpFilter {

    @Inject
    private Capabilities capabilities;

    private static final Map<String, String> VIEWS = Map.of(
            "/admin", "/admin/overview.xhtml",
            "/admin/flags", "/admin/flags.xhtml",
            "/admin/flags/new", "/admin/flag-form.xhtml",
            "/admin/change-requests", "/admin/change-requests.xhtml",
            "/admin/audit", "/admin/audit.xhtml",
            "/admin/diagnostics", "/admin/diagnostics.xhtml",
            "/admin/schedule", "/admin/schedule.xhtml");

    /** The views under {@code /admin/flags/{key}/...}; the flag page itself has no suffix. */
    private static final Set<String> FLAG_VIEWS =
            Set.of("edit", "rules", "simulate", "explain", "kill", "timeline", "rollouts");

    private static final String FLAG_PREFIX = "/admin/flags/";
    private static final String CHANGE_REQUEST_PREFIX = "/admin/change-requests/";
    private static final String SCHEDULE_PREFIX = "/admin/schedule/";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = CanonicalPaths.of(request);
        if (path.isEmpty() || path.equals("/") || path.equals("/admin/")) {
            response.sendRedirect(request.getContextPath() + "/admin" + query(request));
            return;
        }
        if (path.equals("/logout")) {
            request.logout();
            if (request.getSession(false) != null) {
                request.getSession(false).invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        // every admin page, by its public URL or its view's: none has anything for a user with no role
        Optional<String> nothingToShow = path.startsWith("/admin") && request.getUserPrincipal() != null
                ? capabilities.nothingToShow()
                : Optional.empty();
        if (nothingToShow.isPresent()) {
            noRole(request, response, nothingToShow.get());
            return;
        }
        String view = view(path);
        if (view != null) {
            request.getRequestDispatcher(view).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** A user with no role anywhere: one page that says why, instead of pages with nothing on them. */
    private static void noRole(HttpServletRequest request, HttpServletResponse response, String why)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(NoRolePage.html(request.getContextPath(), why));
    }

    /** The Faces view (with its path parameter) behind a public admin URL, or null. */
    static String view(String path) {
        String fixed = VIEWS.get(path);
        if (fixed != null) {
            return fixed;
        }
        if (path.startsWith(CHANGE_REQUEST_PREFIX)) {
            String id = path.substring(CHANGE_REQUEST_PREFIX.length());
            return id.matches("[0-9]{1,18}") ? "/admin/change-request.xhtml?id=" + id : null;
        }
        if (path.startsWith(SCHEDULE_PREFIX)) {
            String id = path.substring(SCHEDULE_PREFIX.length());
            return id.matches("[0-9]{1,18}") ? "/admin/scheduled-execution.xhtml?id=" + id : null;
        }
        if (!path.startsWith(FLAG_PREFIX)) {
            return null;
        }
        String[] parts = path.substring(FLAG_PREFIX.length()).split("/", -1);
        if (parts.length == 1 && !parts[0].isEmpty()) {
            return "/admin/flag.xhtml?key=" + key(parts[0]);
        }
        if (parts.length == 2 && !parts[0].isEmpty() && FLAG_VIEWS.contains(parts[1])) {
            String name = parts[1].equals("edit") ? "flag-form" : parts[1];
            return "/admin/" + name + ".xhtml?key=" + key(parts[0]);
        }
        return null;
    }

    private static String key(String segment) {
        return URLEncoder.encode(URLDecoder.decode(segment, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static String query(HttpServletRequest request) {
        return request.getQueryString() == null ? "" : "?" + request.getQueryString();
    }
}
