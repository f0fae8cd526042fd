package org.rulestead.web.admin.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.command.ReadVersion;
import org.rulestead.environments.EnvironmentCatalog;
import org.rulestead.environments.EnvironmentSummary;
import org.rulestead.flags.FlagService;
import org.rulestead.flags.FlagView;
import org.rulestead.governance.Action;
import org.rulestead.governance.Capabilities;
import org.rulestead.governance.Permission;
import org.rulestead.governance.ResourceRef;
import org.rulestead.json.JsonTrees;
import org.rulestead.model.FlagDefinition;
import org.rulestead.model.FlagType;
import org.rulestead.model.OwnerKind;
import org.rulestead.model.ValueType;
import org.rulestead.web.admin.rules.Values;

/**
 * {@code /admin/flags/new} and {@code /admin/flags/{key}/edit}: the flag form. Ownership and a
 * lifecycle (an expected expiration, or permanent) are required; key, types and default value are
 * fixed once the flag exists.
 */
@Named
@ViewScoped
public class FlagFormPage extends FlagPage {

    private static final long serialVersionUID = 1L;

    private EnvironmentCatalog environmentCatalog;
    private FlagService flagService;
    private Capabilities capabilities;

    private Permission permission;
    private boolean found;
    private boolean editing;
    private boolean loaded;
    private Long version;
    private String message;
    private final FieldErrors errors = new FieldErrors();

    private String flagKey;
    private String description;
    private String flagType = "release";
    private String valueType = "boolean";
    private String defaultValue = "false";
    private String ownerRef;
    private String ownerKind = "team";
    private String ownerDisplay;
    private String lifecycleMode = "expiring";
    private String reviewBy;
    private String tags;
    private List<String> environments = new ArrayList<>();

    protected FlagFormPage() {}

    @Inject
    public FlagFormPage(EnvironmentCatalog environmentCatalog, FlagService flagService, Capabilities capabilities) {
        this.environmentCatalog = environmentCatalog;
        this.flagService = flagService;
        this.capabilities = capabilities;
    }

    /** Runs before the first rendering (f:viewAction): fills the form from the flag when editing. */
    public void load() {
        choose(environmentCatalog);
        if (loaded) {
            return;
        }
        loaded = true;
        editing = key != null && !key.isBlank();
        permission = capabilities.of(editing ? Action.UPDATE_FLAG : Action.CREATE_FLAG, ResourceRef.flag(key), null);
        if (!editing) {
            environments = selection.environments().stream()
                    .map(EnvironmentSummary::key)
                    .toList();
            return;
        }
        try {
            flagService.find(key).ifPresentOrElse(this::fill, () -> message = "There is no flag “" + key + "”.");
        } catch (CommandRejected.Forbidden forbidden) {
            message = "Your role may not read flags.";
        }
    }

    private void fill(FlagView flag) {
        FlagDefinition definition = flag.definition();
        found = true;
        version = flag.version();
        flagKey = definition.key();
        description = definition.description();
        flagType = definition.flagType().wireName();
        valueType = definition.valueType().wireName();
        defaultValue = JsonTrees.write(definition.defaultValue());
        ownerRef = definition.ownership().ownerRef();
        ownerKind = definition.ownership().ownerKind().wireName();
        ownerDisplay = definition.ownership().ownerDisplay();
        lifecycleMode = definition.lifecycle().mode().wireName();
        reviewBy = definition.lifecycle().reviewBy() == null
                ? null
                : definition.lifecycle().reviewBy().toString();
        tags = String.join(", ", definition.tags());
    }

    /** Creates the flag, or shows the findings at their fields. */
    public void create() {
        errors.clear();
        message = null;
        Map<String, Object> document = ownershipAndLifecycle();
        document.put("key", flagKey == null ? null : flagKey.trim());
        document.put("flag_type", flagType);
        document.put("value_type", valueType);
        Object parsedDefault = parseDefault();
        if (parsedDefault != NOT_PARSED) {
            document.put("default_value", parsedDefault);
        }
        document.put("environments", environments);
        try {
            // the service authorizes first, then reads the form's document: findings come back at their fields
            FlagView created = flagService.create(document, CommandContext.of(null, "admin_ui"));
            Navigation.redirect("/admin/flags/" + created.key() + "?env=" + selection.currentKey());
        } catch (CommandRejected rejected) {
            refused(rejected);
        }
    }

    /**
     * Saves description, ownership, lifecycle and tags, stating the version the form was filled
     * from: if someone changed the flag since, the save is refused rather than undoing their change.
     */
    public void save() {
        errors.clear();
        message = null;
        try {
            FlagView saved = flagService.update(
                    key,
                    ownershipAndLifecycle(),
                    version == null ? ReadVersion.absent() : ReadVersion.of(version),
                    CommandContext.of(null, "admin_ui"));
            Navigation.redirect("/admin/flags/" + saved.key() + "?env=" + selection.currentKey());
        } catch (CommandRejected rejected) {
            refused(rejected);
        }
    }

    /** The findings at their fields, and a sentence: what was refused, or how many fields to fix. */
    private void refused(CommandRejected rejected) {
        errors.addAll(rejected.details());
        message = rejected.details().isEmpty()
                ? Refusals.describe(rejected)
                : "The flag was not saved: " + rejected.details().size() + " problem(s), shown at their fields below.";
    }

    private Map<String, Object> ownershipAndLifecycle() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("description", blankToNull(description));
        document.put("owner_ref", blankToNull(ownerRef));
        document.put("owner_kind", ownerKind);
        document.put("owner_display", blankToNull(ownerDisplay));
        if ("permanent".equals(lifecycleMode)) {
            document.put("permanent", true);
        } else {
            document.put("expected_expiration", blankToNull(reviewBy));
        }
        document.put(
                "tags",
                tags == null
                        ? List.of()
                        : Arrays.stream(tags.split(","))
                                .map(String::trim)
                                .filter(tag -> !tag.isEmpty())
                                .toList());
        document.values().removeIf(Objects::isNull);
        return document;
    }

    private static final Object NOT_PARSED = new Object();

    /** The default value as its type reads it: JSON for json and numbers, plain text for strings. */
    private Object parseDefault() {
        String text = defaultValue == null ? "" : defaultValue.trim();
        if (text.isEmpty()) {
            return NOT_PARSED;
        }
        if ("string".equals(valueType) || "variant".equals(valueType)) {
            return text.startsWith("\"") ? Values.read(text) : text;
        }
        return Values.read(text);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public List<String> getFlagTypes() {
        return JsonText.wireNames(FlagType.values());
    }

    public List<String> getValueTypes() {
        return JsonText.wireNames(ValueType.values());
    }

    public List<String> getOwnerKinds() {
        return JsonText.wireNames(OwnerKind.values());
    }

    public Permission getPermission() {
        return permission;
    }

    public boolean isFound() {
        return found;
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public boolean isEditing() {
        return editing;
    }

    public String getMessage() {
        return message;
    }

    public String getFlagKey() {
        return flagKey;
    }

    public void setFlagKey(String flagKey) {
        this.flagKey = flagKey;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getFlagType() {
        return flagType;
    }

    public void setFlagType(String flagType) {
        this.flagType = flagType;
    }

    public String getValueType() {
        return valueType;
    }

    public void setValueType(String valueType) {
        this.valueType = valueType;
    }

    public String getDefaultValue() {
        return defaultValue;
    }

    public void setDefaultValue(String defaultValue) {
        this.defaultValue = defaultValue;
    }

    public String getOwnerRef() {
        return ownerRef;
    }

    public void setOwnerRef(String ownerRef) {
        this.ownerRef = ownerRef;
    }

    public String getOwnerKind() {
        return ownerKind;
    }

    public void setOwnerKind(String ownerKind) {
        this.ownerKind = ownerKind;
    }

    public String getOwnerDisplay() {
        return ownerDisplay;
    }

    public void setOwnerDisplay(String ownerDisplay) {
        this.ownerDisplay = ownerDisplay;
    }

    public String getLifecycleMode() {
        return lifecycleMode;
    }

    public void setLifecycleMode(String lifecycleMode) {
        this.lifecycleMode = lifecycleMode;
    }

    public String getReviewBy() {
        return reviewBy;
    }

    public void setReviewBy(String reviewBy) {
        this.reviewBy = reviewBy;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public List<String> getEnvironments() {
        return environments;
    }

    public void setEnvironments(List<String> environments) {
        this.environments = environments;
    }
}
