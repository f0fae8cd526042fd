package org.rulestead.web.admin.pages;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.rulestead.audit.AuditEventView;
import org.rulestead.governance.ActorType;
import org.rulestead.web.admin.rules.RulesetText;

/** An audit event as the timeline and audit pages list it, automation told apart from people. */
public record AuditLine(AuditEventView event) {

    private static final int SUMMARY_LENGTH = 140;

    static List<AuditLine> of(List<AuditEventView> events) {
        return events.stream().map(AuditLine::new).toList();
    }

    public String when() {
        return Format.moment(event.occurredAt());
    }

    /** Timers, guardrails and other system actors, as opposed to an operator's own action. */
    public boolean automated() {
        return !ActorType.OPERATOR.wireName().equals(event.actorType());
    }

    /**
     * The event's title (spec §5.7 timeline labels): automation's rollout steps read as such
     * ("Automatic rollout advance, window 12:00:00Z to 12:05:00Z"), other events by their type.
     */
    public String title() {
        Map<?, ?> metadata = event.metadata() instanceof Map<?, ?> map ? map : Map.of();
        boolean byAutomation = "guardrail_automation".equals(metadata.get("source")) || automated();
        return switch (event.eventType()) {
            case "rollout.advance" -> "guardrail_automation".equals(metadata.get("source"))
                    ? "Automatic rollout advance" + window(metadata)
                    : "Rollout advance";
            case "rollout.guardrail_held" -> byAutomation ? "Automatic guardrail hold" : "Guardrail hold";
            case "rollout.guardrail_rollback" -> byAutomation ? "Automatic guardrail rollback" : "Guardrail rollback";
            default -> event.eventType();
        };
    }

    /** The one plain sentence automation and guardrail decisions explain themselves with (decisions 19), or null. */
    public String explanation() {
        return event.metadata() instanceof Map<?, ?> metadata && metadata.get("explanation") instanceof String sentence
                ? sentence
                : null;
    }

    /** ", window 12:00:00Z to 12:05:00Z" from the advance's monitoring window, if it had one. */
    private static String window(Map<?, ?> metadata) {
        if (!(metadata.get("monitoring_window") instanceof Map<?, ?> window) || window.get("ends_at") == null) {
            return "";
        }
        return ", window " + (window.get("started_at") == null ? "" : window.get("started_at") + " to ")
                + window.get("ends_at");
    }

    public String outcome() {
        return event.outcome().name().toLowerCase(Locale.ROOT);
    }

    /**
     * What the event changed, from its metadata's {@code before} and {@code after}: the fields
     * that differ ({@code status: active → killswitched}), or what was set.
     */
    public String change() {
        if (!(event.metadata() instanceof Map<?, ?> metadata)) {
            return "";
        }
        Map<?, ?> before = metadata.get("before") instanceof Map<?, ?> map ? map : Map.of();
        Map<?, ?> after = metadata.get("after") instanceof Map<?, ?> map ? map : Map.of();
        Set<Object> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        return fields.stream()
                .filter(field -> !Objects.equals(before.get(field), after.get(field)))
                .map(field -> field + ": "
                        + (before.containsKey(field) ? shown(before.get(field)) + " → " : "")
                        + shown(after.get(field)))
                .collect(Collectors.collectingAndThen(Collectors.joining(" · "), AuditLine::brief));
    }

    /** A summary stays one glance long; the full metadata is one click away. */
    private static String brief(String summary) {
        return summary.length() <= SUMMARY_LENGTH ? summary : summary.substring(0, SUMMARY_LENGTH - 1) + "…";
    }

    private static String shown(Object value) {
        return value == null ? "none" : JsonText.write(value);
    }

    /** The event's metadata as indented JSON. */
    public String metadataText() {
        return String.join("\n", RulesetText.lines(event.metadata()));
    }
}
