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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rulestead.environments.Environment;

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
     * The runtime flag payload of spec §2.2 for this flag here, as snapshots carry it, from
     * {@code inForce}, its ruleset in force (null before the first publish). Empty when the flag
     * does not serve here (archived, never published).
     */
    Optional<Map<String, Object>> runtimePayload(Ruleset inForce) {
        if (flag.archived()
                || activeRulesetVersion == null
                || (status != FlagStatus.ACTIVE && status != FlagStatus.KILLSWITCHED)) {
            return Optional.empty();
        }
        if (inForce == null || inForce.rulesetVersion() != activeRulesetVersion) {
            throw new IllegalStateException(
                    flagKey() + " in " + environmentKey() + ": ruleset v" + activeRulesetVersion + " is in force");
        }
        return Optional.of(RuntimePayload.of(flag.definition(), environment, status, killSwitchVariantKey, inForce));
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
    public Ruleset saveDraft(org.rulestead.ruleset.Ruleset authored, String author, Instant now) {
        lastRulesetVersion++;
        Ruleset draft = new Ruleset(this, lastRulesetVersion, authored, author, now);
        rulesets.add(draft);
        updatedAt = now;
        return draft;
    }

    /**
     * A new ruleset version put in force at once, numbered like a draft: an advance or a rollback
     * (spec §5.2, §5.5) publishes what it writes, with no draft step between.
     */
    public Ruleset publishNew(org.rulestead.ruleset.Ruleset authored, String by, Instant now) {
        Ruleset ruleset = saveDraft(authored, by, now);
        publish(ruleset, by, now);
        return ruleset;
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
