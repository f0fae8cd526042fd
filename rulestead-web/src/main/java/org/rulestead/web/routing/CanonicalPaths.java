package org.rulestead.web.routing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Collapses repeated slashes in every request path before any route sees it. A client configured
 * with a base URL ending in {@code /} asks for {@code //ofrep/v1/...}; the container's security
 * constraints already match such a path as if the slashes were one, but JAX-RS and the routing
 * filters match the raw path and would answer "not found" for every flag, a silent outage. The
 * request goes on to the same servlet (no forward, so no constraint is skipped), with the
 * canonical path.
 */
@WebFilter(filterName = "CanonicalPaths", urlPatterns = "/*")
public class CanonicalPaths extends HttpFilter {

    /** Set by a route that forwards: the path the client asked for, as {@link #of} read it. */
    public static final String REQUESTED = CanonicalPaths.class.getName() + ".requested";

    /**
     * The path the client asked for, below the context root, with every run of slashes made one;
     * after a route's forward (OFREP's into the REST application) still the client's path.
     */
    public static String of(HttpServletRequest request) {
        if (request.getAttribute(REQUESTED) instanceof String requested) {
            return requested;
        }
        return collapse(
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    static String collapse(String path) {
        if (path == null || !path.contains("//")) {
            return path;
        }
        StringBuilder canonical = new StringBuilder(path.length());
        char previous = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '/' || previous != '/') {
                canonical.append(c);
            }
            previous = c;
        }
        return canonical.toString();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request.getRequestURI().contains("//") ? new Canonical(request) : request, response);
    }

    private static final class Canonical extends HttpServletRequestWrapper {

        Canonical(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            return collapse(super.getRequestURI());
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            int path = url.indexOf("/", url.indexOf("://") + 3);
            return path < 0 ? url : new StringBuffer(url.substring(0, path)).append(getRequestURI());
        }

        @Override
        public String getServletPath() {
            return collapse(super.getServletPath());
        }

        @Override
        public String getPathInfo() {
            return collapse(super.getPathInfo());
        }
    }
}
