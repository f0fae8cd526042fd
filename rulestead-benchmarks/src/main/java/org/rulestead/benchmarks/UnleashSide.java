package org.rulestead.benchmarks;

import io.getunleash.DefaultUnleash;
import io.getunleash.Unleash;
import io.getunleash.UnleashContext;
import io.getunleash.util.UnleashConfig;
import java.util.Optional;

/**
 * The shapes as Unleash features, served offline: bootstrapped from JSON, polling and metrics
 * off, the API address on loopback.
 */
final class UnleashSide {

    private UnleashSide() {}

    static Unleash client(Shape shape) {
        String features = "{\"version\": 2, \"features\": [" + feature(shape) + "]}";
        UnleashConfig config = UnleashConfig.builder()
                .appName("rulestead-benchmarks")
                .instanceId("benchmark")
                .unleashAPI("http://127.0.0.1:9/api/")
                .toggleBootstrapProvider(() -> Optional.of(features))
                .disablePolling()
                .disableMetrics()
                .build();
        return new DefaultUnleash(config);
    }

    static UnleashContext[] contexts() {
        UnleashContext[] contexts = new UnleashContext[Users.COUNT];
        for (int i = 0; i < Users.COUNT; i++) {
            contexts[i] = UnleashContext.builder()
                    .userId(Users.key(i))
                    .addProperty("country", Users.COUNTRY)
                    .addProperty("plan", Users.PLAN)
                    .addProperty("segment", Shape.USER_SEGMENT)
                    .build();
        }
        return contexts;
    }

    private static String feature(Shape shape) {
        return switch (shape) {
            case FORCED -> feature("[{\"name\": \"default\", \"parameters\": {}}]", "[]");
            case TARGETING -> {
                StringBuilder strategies = new StringBuilder("[");
                for (int i = 0; i < Shape.RULES; i++) {
                    strategies
                            .append(i == 0 ? "" : ",")
                            .append("{\"name\": \"default\", \"parameters\": {}, \"constraints\": [")
                            .append(constraint("country", Users.COUNTRY))
                            .append(',')
                            .append(constraint("plan", Users.PLAN))
                            .append(',')
                            .append(constraint("segment", Shape.segmentOfRule(i)))
                            .append("]}");
                }
                yield feature(strategies.append(']').toString(), "[]");
            }
            case ROLLOUT -> feature(
                    "[{\"name\": \"flexibleRollout\", \"parameters\": {\"rollout\": \"50\", \"stickiness\": \"userId\","
                            + " \"groupId\": \"" + Shape.FLAG_KEY + "\"}}]",
                    "[]");
            case SPLIT -> feature(
                    "[{\"name\": \"default\", \"parameters\": {}}]",
                    "[" + variant("a", 330) + "," + variant("b", 330) + "," + variant("c", 340) + "]");
        };
    }

    private static String feature(String strategies, String variants) {
        return "{\"name\": \"" + Shape.FLAG_KEY + "\", \"enabled\": true, \"strategies\": " + strategies
                + ", \"variants\": " + variants + "}";
    }

    private static String constraint(String context, String value) {
        return "{\"contextName\": \"" + context + "\", \"operator\": \"IN\", \"values\": [\"" + value + "\"]}";
    }

    private static String variant(String name, int weight) {
        return "{\"name\": \"" + name + "\", \"weight\": " + weight
                + ", \"weightType\": \"variable\", \"stickiness\": \"userId\"}";
    }
}
