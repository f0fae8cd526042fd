package org.rulestead.web.admin.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.rulestead.evaluation.EvaluationContext;

/**
 * The shareable explain page of a flag for one identity (spec §4.3):
 * {@code /admin/flags/{key}/explain?env=…&targeting_key=…}. Identity fields only, never attributes.
 */
public final class ExplainLinks {

    private ExplainLinks() {}

    /** The page's path and query, from the application's root. */
    public static String path(String flagKey, String env, EvaluationContext context) {
        StringBuilder link = new StringBuilder("/admin/flags/")
                .append(encode(flagKey))
                .append("/explain?env=")
                .append(encode(env));
        append(link, "targeting_key", context.targetingKey());
        append(link, "tenant_key", context.tenantKey());
        append(link, "session_id", context.sessionId());
        append(link, "request_id", context.requestId());
        return link.toString();
    }

    private static void append(StringBuilder link, String name, String value) {
        if (value != null) {
            link.append('&').append(name).append('=').append(encode(value));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
