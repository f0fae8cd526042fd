package org.rulestead.web.admin.pages;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.RequestDispatcher;
import java.util.Map;

/**
 * Posts each admin form back to the public URL the page was opened at ({@code
 * /admin/flags/checkout/rules?env=staging}), not to its Faces view: the address bar keeps a
 * shareable URL after every action, and {@link AdminRoutes} forwards the postback to the view.
 */
public class PublicActionUrls extends ViewHandlerWrapper {

    public PublicActionUrls(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        Map<String, Object> request = context.getExternalContext().getRequestMap();
        Object publicUri = request.get(RequestDispatcher.FORWARD_REQUEST_URI);
        boolean currentView = context.getViewRoot() != null
                && viewId.equals(context.getViewRoot().getViewId());
        if (publicUri == null || !currentView) {
            return super.getActionURL(context, viewId);
        }
        Object query = request.get(RequestDispatcher.FORWARD_QUERY_STRING);
        return query == null ? publicUri.toString() : publicUri + "?" + query;
    }
}
