package org.rulestead.web.admin.pages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Maps the admin pages' public URLs (bookmarked, pasted into tickets) onto their Faces views:
 * {@code /admin/flags?env=staging} renders {@code /admin/flags.xhtml}. The query string travels
 * with the forward, so {@code ?env=} reaches the page.
 */
@WebFilter(urlPatterns = {"/", "/logout", "/admin", "/admin/*"})
public class AdminRoutes extends HttpFilter {

    private static final Map<String, String> VIEWS = Map.of("/admin/flags", "/admin/flags.xhtml");
    private static final String FLAG_PREFIX = "/admin/flags/";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty() || path.equals("/") || path.equals("/admin") || path.equals("/admin/")) {
            response.sendRedirect(request.getContextPath() + "/admin/flags" + query(request));
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
        String view = VIEWS.get(path);
        if (view != null) {
            request.getRequestDispatcher(view).forward(request, response);
            return;
        }
        // /admin/flags/{key}: one flag in the selected environment
        if (path.startsWith(FLAG_PREFIX)
                && path.length() > FLAG_PREFIX.length()
                && path.indexOf('/', FLAG_PREFIX.length()) < 0) {
            String key = path.substring(FLAG_PREFIX.length());
            request.getRequestDispatcher("/admin/flag.xhtml?key="
                            + java.net.URLEncoder.encode(
                                    java.net.URLDecoder.decode(key, java.nio.charset.StandardCharsets.UTF_8),
                                    java.nio.charset.StandardCharsets.UTF_8))
                    .forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String query(HttpServletRequest request) {
        return request.getQueryString() == null ? "" : "?" + request.getQueryString();
    }
}
