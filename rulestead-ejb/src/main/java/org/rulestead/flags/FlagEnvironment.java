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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
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

    FlagEnvironmentView view() {
        return new FlagEnvironmentView(environment.key(), status);
    }
}
