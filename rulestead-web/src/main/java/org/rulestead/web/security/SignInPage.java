package org.rulestead.web.security;

import org.rulestead.web.Html;

/** The HTML of the sign-in form; every value written into it is escaped. */
final class SignInPage {

    private SignInPage() {}

    static String html(String contextPath, String token, String next, String error) {
        String alert = error == null ? "" : "<p class=\"banner warning\" role=\"alert\">" + Html.escape(error) + "</p>";
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in · Rulestead</title>
                <link rel="stylesheet" href="%1$s/resources/css/rulestead.css"></head>
                <body class="plain"><main class="card narrow">
                <h1>Rulestead</h1>
                <p class="muted">Release control: sign in to the admin pages.</p>
                %2$s
                <form id="login" method="post" action="%1$s/login">
                <input type="hidden" name="token" value="%3$s">
                <input type="hidden" name="next" value="%4$s">
                <label for="username">User name</label>
                <input type="text" id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">Password</label>
                <input type="password" id="password" name="password" autocomplete="current-password" required>
                <button type="submit" id="sign-in" class="primary">Sign in</button>
                </form></main></body></html>
                """
                .formatted(Html.escape(contextPath), alert, Html.escape(token), Html.escape(next));
    }
}
