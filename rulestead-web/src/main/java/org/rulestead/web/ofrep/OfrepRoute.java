package org.rulestead.web.ofrep;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.rulestead.web.routing.CanonicalPaths;

/**
 * OFREP clients call {@code /ofrep/v1/...} at the server's root; the REST application lives under
 * {@code /api}, so the route hands those requests to it unchanged, query string included (a
 * signed-in caller names the environment in {@code ?env=}).
 */
@WebFilter("/ofrep/*")
public class OfrepRoute extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = CanonicalPaths.of(request);
        request.setAttribute(CanonicalPaths.REQUESTED, path);
        String query = request.getQueryString();
        String target = "/api" + path + (query == null ? "" : "?" + query);
        request.getRequestDispatcher(target).forward(request, response);
    }
}
