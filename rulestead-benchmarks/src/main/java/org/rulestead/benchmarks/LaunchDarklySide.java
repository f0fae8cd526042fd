package org.rulestead.benchmarks;

import com.launchdarkly.sdk.ContextBuilder;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import com.launchdarkly.sdk.server.integrations.FileData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The shapes as LaunchDarkly flags, served offline: the SDK's file data source reads full flag
 * JSON, events are off, and every service endpoint points at loopback, so nothing leaves the host.
 */
final class LaunchDarklySide {

    private LaunchDarklySide() {}

    static LDClient client(Shape shape) {
        try {
            Path file = Files.createTempFile("rulestead-bench-launchdarkly-", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(
                    file, "{\"flags\": {\"" + Shape.FLAG_KEY + "\": " + flag(shape) + "}}", StandardCharsets.UTF_8);
            LDConfig config = new LDConfig.Builder()
                    .dataSource(FileData.dataSource().filePaths(file).autoUpdate(false))
                    .events(Components.noEvents())
                    .diagnosticOptOut(true)
                    .serviceEndpoints(Components.serviceEndpoints().relayProxy("http://127.0.0.1:9"))
                    .logging(Components.noLogging())
                    .startWait(Duration.ofSeconds(5))
                    .build();
            LDClient client = new LDClient("sdk-offline-benchmark", config);
            if (!client.isInitialized()) {
                throw new IllegalStateException("the LaunchDarkly file data source did not initialize");
            }
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LDContext[] contexts(Shape shape) {
        return contexts(shape.userAttributes());
    }

    static LDContext[] contexts(Map<String, String> attributes) {
        LDContext[] contexts = new LDContext[Users.COUNT];
        for (int i = 0; i < Users.COUNT; i++) {
            ContextBuilder builder = LDContext.builder(Users.key(i));
            attributes.forEach(builder::set);
            contexts[i] = builder.build();
        }
        return contexts;
    }

    private static String flag(Shape shape) {
        return switch (shape) {
            case FORCED -> flag("[true, false]", "[]", "{\"variation\": 0}");
            case TARGETING_SHARED, TARGETING_DISTINCT -> {
                StringJoiner rules = new StringJoiner(",", "[", "]");
                for (Targeting.Rule rule : shape.targeting().rules()) {
                    StringJoiner clauses = new StringJoiner(",");
                    rule.conditions().forEach(condition -> clauses.add(clause(condition)));
                    rules.add("{\"id\": \"" + rule.key() + "\", \"variation\": 0, \"clauses\": [" + clauses + "]}");
                }
                yield flag("[true, false]", rules.toString(), "{\"variation\": 1}");
            }
            case ROLLOUT -> flag(
                    "[true, false]",
                    "[]",
                    "{\"rollout\": {\"variations\": [{\"variation\": 0, \"weight\": 50000}, {\"variation\": 1, \"weight\": 50000}]}}");
            case SPLIT -> flag(
                    "[\"a\", \"b\", \"c\"]",
                    "[]",
                    "{\"rollout\": {\"variations\": [{\"variation\": 0, \"weight\": 33000},"
                            + " {\"variation\": 1, \"weight\": 33000}, {\"variation\": 2, \"weight\": 34000}]}}");
        };
    }

    private static String flag(String variations, String rules, String fallthrough) {
        return "{\"key\": \"" + Shape.FLAG_KEY + "\", \"version\": 1, \"on\": true, \"salt\": \"bench\","
                + " \"variations\": " + variations + ", \"offVariation\": 1, \"targets\": [], \"prerequisites\": [],"
                + " \"rules\": " + rules + ", \"fallthrough\": " + fallthrough + "}";
    }

    private static String clause(Targeting.Condition condition) {
        return "{\"contextKind\": \"user\", \"attribute\": \"" + condition.attribute()
                + "\", \"op\": \"in\", \"values\": [\"" + condition.operand() + "\"], \"negate\": false}";
    }
}
