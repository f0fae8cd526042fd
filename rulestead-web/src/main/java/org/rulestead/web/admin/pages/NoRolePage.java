package org.rulestead.web.admin.pages;

import org.rulestead.web.Html;

/**
 * What the admin pages answer a signed-in user who holds no role anywhere yet (signing in needs
 * only an identity): why there is nothing to show, and who can change that. Every value written
 * into it is escaped.
 */
final class NoRolePage {

    private NoRolePage() {}

    static String html(String contextPath, String why) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>No role yet · Rulestead</title>
                <link rel="stylesheet" href="%1$s/resources/css/rulestead.css"></head>
                <body class="plain"><main class="card narrow">
                <h1>No role yet</h1>
                <p id="no-role" class="banner warning" role="alert">%2$s</p>
                <p><a href="%1$s/logout">Sign out</a></p>
                </main></body></html>
                """
                .formatted(Html.escape(contextPath), Html.escape(why));
    }
}
