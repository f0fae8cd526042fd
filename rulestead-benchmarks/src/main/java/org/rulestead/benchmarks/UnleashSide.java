package org.rulestead.benchmarks;

import io.getunleash.DefaultUnleash;
import io.getunleash.Unleash;
import io.getunleash.UnleashContext;
import io.getunleash.util.UnleashConfig;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

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

    static UnleashContext[] contexts(Shape shape) {
        return contexts(shape.userAttributes());
    }

    static UnleashContext[] contexts(Map<String, String> attributes) {
        UnleashContext[] contexts = new UnleashContext[Users.COUNT];
        for (int i = 0; i < Users.COUNT; i++) {
            UnleashContext.Builder builder = UnleashContext.builder().userId(Users.key(i));
            attributes.forEach(builder::addProperty);
            contexts[i] = builder.build();
        }
        return contexts;
    }

    private static String feature(Shape shape) {
        return switch (shape) {
            case FORCED -> feature("[{\"name\": \"default\", \"parameters\": {}}]", "[]");
            case TARGETING_SHARED, TARGETING_DISTINCT -> {
                StringJoiner strategies = new StringJoiner(",", "[", "]");
                for (Targeting.Rule rule : shape.targeting().rules()) {
                    StringJoiner constraints = new StringJoiner(",");
                    rule.conditions().forEach(condition -> constraints.add(constraint(condition)));
                    strategies.add(
                            "{\"name\": \"default\", \"parameters\": {}, \"constraints\": [" + constraints + "]}");
                }
                yield feature(strategies.toString(), "[]");
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

    private static String constraint(Targeting.Condition condition) {
        return "{\"contextName\": \"" + condition.attribute() + "\", \"operator\": \"IN\", \"values\": [\""
                + condition.operand() + "\"]}";
    }

    private static String variant(String name, int weight) {
        return "{\"name\": \"" + name + "\", \"weight\": " + weight
                + ", \"weightType\": \"variable\", \"stickiness\": \"userId\"}";
    }
}
