package org.rulestead.flags;

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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.json.JsonTrees;
import org.rulestead.ruleset.Rule;
import org.rulestead.ruleset.RulesetCodec;

/**
 * One numbered version of a flag environment's rules (spec §1.4): a draft until it is published,
 * then immutable (the database refuses to change a published row).
 */
@Entity
@Table(name = "rulesets")
@NamedQuery(
        name = "Ruleset.ofVersion",
        query = "select r from Ruleset r where r.flagEnvironment = :state and r.rulesetVersion = :version")
public class Ruleset {

    /** Whether a ruleset may still change. */
    public enum Status {
        DRAFT,
        PUBLISHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "flag_environment_id", nullable = false, updatable = false)
    private FlagEnvironment flagEnvironment;

    @Column(name = "ruleset_version", nullable = false, updatable = false)
    private int rulesetVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(updatable = false)
    private String salt;

    @Column(nullable = false, updatable = false, length = 1_000_000)
    private String rules;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "published_by")
    private String publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    private long version;

    protected Ruleset() {}

    Ruleset(
            FlagEnvironment flagEnvironment,
            int rulesetVersion,
            org.rulestead.ruleset.Ruleset authored,
            String createdBy,
            Instant now) {
        this.flagEnvironment = flagEnvironment;
        this.rulesetVersion = rulesetVersion;
        this.status = Status.DRAFT;
        this.salt = authored.salt();
        this.rules = JsonTrees.write(RulesetCodec.write(authored).get("rules"));
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    FlagEnvironment flagEnvironment() {
        return flagEnvironment;
    }

    public int rulesetVersion() {
        return rulesetVersion;
    }

    public boolean isDraft() {
        return status == Status.DRAFT;
    }

    void publish(String by, Instant now) {
        if (status != Status.DRAFT) {
            throw new IllegalStateException("ruleset v" + rulesetVersion + " is already published");
        }
        this.status = Status.PUBLISHED;
        this.publishedBy = by;
        this.publishedAt = now;
    }

    /** The rules as the typed authored model reads them (every stored ruleset was validated). */
    public org.rulestead.ruleset.Ruleset authored() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("salt", salt);
        document.put("rules", JsonTrees.read(rules));
        return RulesetCodec.read(document);
    }

    /** The keys of the rules, in order. */
    public List<String> ruleKeys() {
        return authored().rules().stream().map(Rule::key).toList();
    }

    public RulesetView view() {
        return new RulesetView(
                flagEnvironment.flagKey(),
                flagEnvironment.environmentKey(),
                rulesetVersion,
                status,
                authored(),
                createdBy,
                createdAt,
                publishedBy,
                publishedAt,
                version);
    }
}
