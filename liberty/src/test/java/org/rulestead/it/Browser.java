package org.rulestead.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does with the admin pages, without the rendering: keeps cookies, and lets the
 * test see each redirect instead of following it.
 */
final class Browser {

    private static final Pattern SIGN_IN_TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"");

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    Api.Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).GET());
    }

    Api.Reply postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(Api.BASE + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Opens the sign-in form and submits it, as a person would; answers the form's reply. */
    Api.Reply signIn(String user, String password, String next) {
        Api.Reply form = get("/login");
        Matcher token = SIGN_IN_TOKEN.matcher(form.body());
        if (!token.find()) {
            throw new IllegalStateException("the sign-in form carries no token: " + form.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", token.group(1));
        fields.put("username", user);
        fields.put("password", password);
        fields.put("next", next);
        return postForm("/login", fields);
    }

    private Api.Reply send(HttpRequest.Builder request) {
        return Api.send(client, request.timeout(Duration.ofSeconds(60)));
    }
}
