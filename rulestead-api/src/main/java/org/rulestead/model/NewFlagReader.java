package org.rulestead.model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rulestead.validation.DocumentReader;
import org.rulestead.validation.Reading;

/**
 * Reads a flag-creation document in the REST and manifest shape (snake_case):
 *
 * <pre>{@code
 * {"key": "checkout_v2", "description": "...", "flag_type": "release", "value_type": "boolean",
 *  "default_value": false, "owner_ref": "team-checkout", "owner_kind": "team",
 *  "expected_expiration": "2027-03-31" | "permanent": true, "tags": ["checkout"],
 *  "environments": ["staging", "production"]}
 * }</pre>
 *
 * The spec's nested forms are accepted too: {@code ownership: {owner_ref, owner_kind,
 * owner_display}}, {@code lifecycle: {mode, review_by}} and a default value wrapped as
 * {@code {"value": v}}.
 */
public final class NewFlagReader {

    static final int DESCRIPTION_MAX = 2000;
    static final int OWNER_MAX = 255;
    static final int TAG_MAX = 64;

    private NewFlagReader() {}

    public static Reading<NewFlag> read(Map<String, ?> document) {
        DocumentReader in = DocumentReader.of(document);

        Optional<String> key = in.requiredText("key", 128);
        key.filter(k -> !Keys.isFlagKey(k)).ifPresent(k -> in.reject("key", Keys.FLAG_KEY_RULE));
        Optional<String> description = in.text("description", DESCRIPTION_MAX);
        FlagType flagType = enumField(in, "flag_type", FlagType.class).orElse(FlagType.RELEASE);
        Optional<ValueType> valueType = in.requiredText("value_type", 64).flatMap(text -> {
            Optional<ValueType> parsed = WireNamed.parse(ValueType.class, text);
            if (parsed.isEmpty()) {
                in.reject("value_type", "must be one of " + WireNamed.allOf(ValueType.class));
            }
            return parsed;
        });
        Object defaultValue = unwrapValue(in.raw("default_value"));
        if (!in.has("default_value")
                && valueType
                        .map(t -> t != ValueType.JSON && t != ValueType.VARIANT)
                        .orElse(true)) {
            in.reject("default_value", "is required");
        } else if (valueType.isPresent() && !valueType.get().accepts(defaultValue)) {
            in.reject("default_value", "must be a " + valueType.get().wireName() + " value");
        }
        Optional<Ownership> ownership = readOwnership(in);
        Optional<Lifecycle> lifecycle = readLifecycle(in, flagType);
        List<String> tags = in.texts("tags", TAG_MAX);
        List<String> environments = in.texts("environments", 64);
        for (int i = 0; i < environments.size(); i++) {
            if (!Keys.isEnvironmentKey(environments.get(i))) {
                in.reject("environments[" + i + "]", Keys.ENVIRONMENT_KEY_RULE);
            }
        }

        if (!in.findings().isEmpty()) {
            return new Reading.Invalid<>(in.findings());
        }
        FlagDefinition definition = new FlagDefinition(
                key.orElseThrow(),
                description.orElse(null),
                flagType,
                valueType.orElseThrow(),
                defaultValue,
                ownership.orElseThrow(),
                lifecycle.orElseThrow(),
                tags);
        return new Reading.Valid<>(new NewFlag(definition, environments));
    }

    /** A value given as {@code {"value": v}} is v (the spec's stored shape); anything else is itself. */
    public static Object unwrapValue(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("value")) {
            return map.get("value");
        }
        return value;
    }

    private static Optional<Ownership> readOwnership(DocumentReader in) {
        Optional<DocumentReader> nested = in.object("ownership");
        DocumentReader source = nested.orElse(in);
        String prefix = nested.isPresent() ? "ownership." : "";
        Optional<String> ref = source.text("owner_ref", OWNER_MAX);
        if (ref.isEmpty()) {
            in.reject(
                    prefix + "owner_ref", "is required: every flag has an owner (a team, person or service reference)");
        }
        OwnerKind kind = enumField(source, "owner_kind", OwnerKind.class).orElse(OwnerKind.TEAM);
        Optional<String> display = source.text("owner_display", OWNER_MAX);
        return ref.map(r -> new Ownership(r, kind, display.orElse(null)));
    }

    private static Optional<Lifecycle> readLifecycle(DocumentReader in, FlagType flagType) {
        Optional<DocumentReader> nested = in.object("lifecycle");
        Optional<LifecycleMode> mode = nested.flatMap(l -> enumField(l, "mode", LifecycleMode.class));
        Optional<LocalDate> reviewBy = date(in, "expected_expiration")
                .or(() -> date(in, "review_by"))
                .or(() -> nested.flatMap(l -> date(l, "review_by")));
        boolean permanent = in.bool("permanent").orElse(false);

        if (permanent && reviewBy.isPresent()) {
            in.reject("permanent", "a permanent flag has no expected_expiration: choose one");
            return Optional.empty();
        }
        if (mode.isEmpty()) {
            if (permanent) {
                mode = Optional.of(LifecycleMode.PERMANENT);
            } else if (reviewBy.isPresent()) {
                mode = Optional.of(LifecycleMode.EXPIRING);
            }
        }
        if (mode.isEmpty()) {
            String message = flagType == FlagType.REMOTE_CONFIG
                    ? "must choose permanent or expected expiration for remote config"
                    : "is required: set expected_expiration (YYYY-MM-DD) or permanent: true";
            in.reject("lifecycle", message);
            return Optional.empty();
        }
        if (mode.get() == LifecycleMode.EXPIRING && reviewBy.isEmpty()) {
            in.reject("expected_expiration", "reviewed expiring flags must set an expected expiration");
            return Optional.empty();
        }
        if (mode.get() == LifecycleMode.PERMANENT && reviewBy.isPresent()) {
            in.reject("expected_expiration", "a permanent flag has no expected expiration");
            return Optional.empty();
        }
        return Optional.of(Lifecycle.chosen(flagType, mode.get(), reviewBy.orElse(null)));
    }

    private static Optional<LocalDate> date(DocumentReader in, String field) {
        return in.text(field, 10).flatMap(text -> {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                in.reject(field, "must be a date as YYYY-MM-DD");
                return Optional.empty();
            }
        });
    }

    private static <E extends Enum<E> & WireNamed> Optional<E> enumField(
            DocumentReader in, String field, Class<E> type) {
        Optional<String> text = in.text(field, 64);
        Optional<E> value = text.flatMap(t -> WireNamed.parse(type, t));
        if (text.isPresent() && value.isEmpty()) {
            in.reject(field, "must be one of " + WireNamed.allOf(type));
        }
        return value;
    }
}
