package org.rulestead.flags;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rulestead.environments.Environment;
import org.rulestead.json.JsonTrees;
import org.rulestead.model.FlagDefinition;
import org.rulestead.model.FlagType;
import org.rulestead.model.Lifecycle;
import org.rulestead.model.LifecycleMode;
import org.rulestead.model.LifecycleSource;
import org.rulestead.model.OwnerKind;
import org.rulestead.model.Ownership;
import org.rulestead.model.ValueType;

/** A flag: its definition across environments, and its state in each environment. */
@Entity
@Table(name = "flags")
@NamedQuery(name = "Flag.byKey", query = "select f from Flag f where f.key = :key")
@NamedQuery(name = "Flag.countByKey", query = "select count(f) from Flag f where f.key = :key")
@NamedQuery(name = "Flag.all", query = "select f from Flag f order by f.key")
@NamedQuery(
        name = "Flag.inStatus",
        query = "select f from Flag f join f.environments fe where fe.environment.key = :environment"
                + " and fe.status = :status order by f.key")
@NamedQuery(
        name = "Flag.countInStatus",
        query = "select count(f) from Flag f join f.environments fe where fe.environment.key = :environment"
                + " and fe.status = :status")
public class Flag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "flag_key", nullable = false, updatable = false)
    private String key;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "flag_type", nullable = false, updatable = false)
    private FlagType flagType;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_type", nullable = false, updatable = false)
    private ValueType valueType;

    /** The default value in the spec's stored shape, {@code {"value": v}}, as JSON text. */
    @Column(name = "default_value", nullable = false, length = 1_000_000)
    private String defaultValue;

    @Column(name = "owner_ref", nullable = false)
    private String ownerRef;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind", nullable = false)
    private OwnerKind ownerKind;

    @Column(name = "owner_display")
    private String ownerDisplay;

    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_mode", nullable = false)
    private LifecycleMode lifecycleMode;

    @Column(name = "review_by")
    private LocalDate reviewBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_source", nullable = false)
    private LifecycleSource lifecycleSource;

    @Column(name = "lifecycle_overridden", nullable = false)
    private boolean lifecycleOverridden;

    @ElementCollection
    @CollectionTable(name = "flag_tags", joinColumns = @JoinColumn(name = "flag_id"))
    @OrderColumn(name = "position")
    @Column(name = "tag", nullable = false)
    private List<String> tags = new ArrayList<>();

    @OneToMany(mappedBy = "flag", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<FlagEnvironment> environments = new ArrayList<>();

    @Column(name = "archived_at")
    private Instant archivedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Flag() {}

    Long id() {
        return id;
    }

    /** A new flag, in draft in each of {@code environments}. */
    Flag(FlagDefinition definition, List<Environment> environments, Instant now) {
        this.key = definition.key();
        this.description = definition.description();
        this.flagType = definition.flagType();
        this.valueType = definition.valueType();
        this.defaultValue = JsonTrees.write(Map.of("value", JsonTrees.toJson(definition.defaultValue())));
        Ownership ownership = definition.ownership();
        this.ownerRef = ownership.ownerRef();
        this.ownerKind = ownership.ownerKind();
        this.ownerDisplay = ownership.ownerDisplay();
        Lifecycle lifecycle = definition.lifecycle();
        this.lifecycleMode = lifecycle.mode();
        this.reviewBy = lifecycle.reviewBy();
        this.lifecycleSource = lifecycle.source();
        this.lifecycleOverridden = lifecycle.defaultOverridden();
        this.tags.addAll(definition.tags());
        this.createdAt = now;
        this.updatedAt = now;
        environments.forEach(environment -> this.environments.add(new FlagEnvironment(this, environment, now)));
    }

    public String key() {
        return key;
    }

    public boolean archived() {
        return archivedAt != null;
    }

    public long lockVersion() {
        return version;
    }

    /** The flag's state in {@code environmentKey}, if the flag lives there. */
    public Optional<FlagEnvironment> in(String environmentKey) {
        return environments.stream()
                .filter(environment -> environment.environmentKey().equals(environmentKey))
                .findFirst();
    }

    /**
     * Changes what the admin API may change (spec §1.2): description, ownership, lifecycle, tags.
     * Key, types and default value stay as they are.
     */
    public void update(FlagDefinition changed, Instant now) {
        this.description = changed.description();
        Ownership ownership = changed.ownership();
        this.ownerRef = ownership.ownerRef();
        this.ownerKind = ownership.ownerKind();
        this.ownerDisplay = ownership.ownerDisplay();
        Lifecycle lifecycle = changed.lifecycle();
        this.lifecycleMode = lifecycle.mode();
        this.reviewBy = lifecycle.reviewBy();
        this.lifecycleSource = lifecycle.source();
        this.lifecycleOverridden = lifecycle.defaultOverridden();
        this.tags.clear();
        this.tags.addAll(changed.tags());
        this.updatedAt = now;
    }

    /** Archives the flag in every environment (spec §1.2): it no longer serves and cannot change. */
    public void archive(Instant now) {
        this.archivedAt = now;
        environments.forEach(environment -> environment.archive(now));
        this.updatedAt = now;
    }

    public FlagDefinition definition() {
        Object stored = JsonTrees.read(defaultValue);
        Object value = stored instanceof Map<?, ?> wrapped ? wrapped.get("value") : stored;
        return new FlagDefinition(
                key,
                description,
                flagType,
                valueType,
                value,
                new Ownership(ownerRef, ownerKind, ownerDisplay),
                new Lifecycle(lifecycleMode, reviewBy, lifecycleSource, lifecycleOverridden),
                tags);
    }

    public FlagView view() {
        return new FlagView(
                definition(),
                environments.stream().map(FlagEnvironment::view).toList(),
                archivedAt,
                createdAt,
                updatedAt,
                version);
    }
}
