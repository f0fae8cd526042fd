package org.rulestead.flags;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rulestead.environments.Environment;
import org.rulestead.model.FlagDefinition;

/** A flag's state in one environment. */
@Entity
@Table(name = "flag_environments")
public class FlagEnvironment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "flag_id", nullable = false, updatable = false)
    private Flag flag;

    @ManyToOne(optional = false)
    @JoinColumn(name = "environment_id", nullable = false, updatable = false)
    private Environment environment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FlagStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "active_ruleset_version")
    private Integer activeRulesetVersion;

    @Column(name = "last_ruleset_version", nullable = false)
    private int lastRulesetVersion;

    @Column(name = "kill_switch_variant_key")
    private String killSwitchVariantKey;

    @Column(name = "last_published_at")
    private Instant lastPublishedAt;

    @OneToMany(mappedBy = "flagEnvironment", cascade = CascadeType.PERSIST)
    @OrderBy("rulesetVersion")
    private List<Ruleset> rulesets = new ArrayList<>();

    @Version
    private long version;

    protected FlagEnvironment() {}

    FlagEnvironment(Flag flag, Environment environment, Instant now) {
        this.flag = flag;
        this.environment = environment;
        this.status = FlagStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String flagKey() {
        return flag.key();
    }

    /**
     * The runtime flag payload of spec §2.2 for this flag here, as snapshots carry it: its
     * published rules, emptied while the kill switch is engaged (§2.11). Empty when the flag does
     * not serve here (archived, never published).
     */
    public Optional<Map<String, Object>> runtimePayload() {
        if (flag.archived()
                || activeRulesetVersion == null
                || (status != FlagStatus.ACTIVE && status != FlagStatus.KILLSWITCHED)) {
            return Optional.empty();
        }
        RulesetView active = ruleset(activeRulesetVersion).orElseThrow().view();
        FlagDefinition definition = flag.definition();
        Map<String, Object> flagDocument = new LinkedHashMap<>();
        flagDocument.put("key", definition.key());
        flagDocument.put("flag_type", definition.flagType().wireName());
        flagDocument.put("value_type", definition.valueType().wireName());
        Map<String, Object> defaultValue = new LinkedHashMap<>();
        defaultValue.put("value", definition.defaultValue());
        flagDocument.put("default_value", defaultValue);
        flagDocument.put("tags", definition.tags());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("environment_key", environment.key());
        state.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        state.put("kill_switch_variant_key", killSwitchVariantKey);
        state.put("active_ruleset_version", activeRulesetVersion);
        Map<String, Object> ruleset = new LinkedHashMap<>();
        ruleset.put("version", active.version());
        ruleset.put("status", "published");
        ruleset.put("salt", active.salt());
        ruleset.put("rules", status == FlagStatus.KILLSWITCHED ? List.of() : active.rules());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("flag", flagDocument);
        payload.put("environment", Map.of("key", environment.key(), "name", environment.name()));
        payload.put("flag_environment", state);
        payload.put("active_ruleset", ruleset);
        return Optional.of(payload);
    }

    public String environmentKey() {
        return environment.key();
    }

    public FlagStatus status() {
        return status;
    }

    public boolean killSwitchEngaged() {
        return status == FlagStatus.KILLSWITCHED;
    }

    /** A new draft, numbered after every earlier draft and publish (they share one counter). */
    public Ruleset saveDraft(String salt, List<?> rules, String author, Instant now) {
        lastRulesetVersion++;
        Ruleset draft = new Ruleset(this, lastRulesetVersion, salt, rules, author, now);
        rulesets.add(draft);
        updatedAt = now;
        return draft;
    }

    public Optional<Ruleset> ruleset(int rulesetVersion) {
        return rulesets.stream()
                .filter(ruleset -> ruleset.rulesetVersion() == rulesetVersion)
                .findFirst();
    }

    public List<Ruleset> rulesets() {
        return List.copyOf(rulesets);
    }

    /**
     * Puts a draft in force. A kill switch stays engaged (PD-3): the new rules serve once it is
     * released.
     */
    public void publish(Ruleset draft, String by, Instant now) {
        draft.publish(by, now);
        activeRulesetVersion = draft.rulesetVersion();
        lastPublishedAt = now;
        if (status != FlagStatus.KILLSWITCHED) {
            status = FlagStatus.ACTIVE;
        }
        updatedAt = now;
    }

    /** Engages the kill switch; false when it already was. */
    public boolean engageKillSwitch(Instant now) {
        if (status == FlagStatus.KILLSWITCHED) {
            return false;
        }
        status = FlagStatus.KILLSWITCHED;
        killSwitchVariantKey = "default";
        updatedAt = now;
        return true;
    }

    /** Releases the kill switch; false when it was not engaged. */
    public boolean releaseKillSwitch(Instant now) {
        if (status != FlagStatus.KILLSWITCHED) {
            return false;
        }
        status = activeRulesetVersion == null ? FlagStatus.DRAFT : FlagStatus.ACTIVE;
        killSwitchVariantKey = null;
        updatedAt = now;
        return true;
    }

    void archive(Instant now) {
        status = FlagStatus.ARCHIVED;
        killSwitchVariantKey = null;
        updatedAt = now;
    }

    public FlagEnvironmentView view() {
        return new FlagEnvironmentView(
                environment.key(),
                status,
                activeRulesetVersion,
                lastRulesetVersion,
                status == FlagStatus.KILLSWITCHED,
                lastPublishedAt,
                version);
    }
}
