package org.rulestead.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the REST API, signing in as a demo user (password "rulestead"). */
public final class Api {

    public static final String BASE = System.getProperty("rulestead.baseUrl", "http://localhost:9580");
    public static final String PASSWORD = "rulestead";

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Api() {}

    /** An answer: status, content type and body. */
    public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public static Reply get(String path, String user) {
        return send(request(path, user).GET());
    }

    public static Reply post(String path, String user, String json) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Reply put(String path, String user, String json) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Reply patch(String path, String user, String json) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Reply delete(String path, String user, String json) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Sends {@code method} with a JSON body, as {@code user} (null: without credentials). */
    public static Reply call(String method, String path, String user, String json) {
        HttpRequest.Builder request = request(path, user);
        if (json == null) {
            return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Sends {@code method} with a JSON body (null: none) as {@code user}, with {@code headers}
     * given as name, value, name, value…
     */
    public static Reply call(String method, String path, String user, String json, String... headers) {
        HttpRequest.Builder request = request(path, user);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (json == null) {
            return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** {@code depth} levels of arrays inside a field of a JSON object: {@code {"<field>": [[[…]]]}}. */
    public static String nested(String field, int depth) {
        return "{\"" + field + "\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    /** The ETag an answer carries, unquoted: the version a write sends back. */
    public static long version(Reply reply) {
        String tag = reply.header("ETag");
        if (tag == null) {
            throw new IllegalStateException("no ETag on " + reply.status() + ": " + reply.body());
        }
        return Long.parseLong(tag.replace("\"", ""));
    }

    public static HttpRequest.Builder request(String path, String user) {
        return requestAt(BASE, path, user);
    }

    /** A request to another node than the one the tests deploy to. */
    public static HttpRequest.Builder requestAt(String base, String path, String user) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (user != null) {
            String credentials = user + ":" + PASSWORD;
            builder.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    public static Reply send(HttpRequest.Builder request) {
        return send(CLIENT, request);
    }

    /** Sends with {@code client} (its own cookies and redirect policy) and reads the answer. */
    public static Reply send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Rows of {@code table} whose key column is {@code key} (flags: flag_key; audit_events: resource_key). */
    public static long rows(String table, String key) {
        Reply reply = get("/api/it-probe/rows/" + table + "?key=" + key, null);
        if (reply.status() != 200) {
            throw new IllegalStateException("row probe answered " + reply.status() + ": " + reply.body());
        }
        return Long.parseLong(reply.body().trim());
    }
}
