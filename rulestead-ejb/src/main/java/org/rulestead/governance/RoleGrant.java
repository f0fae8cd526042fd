package org.rulestead.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A role given to one principal (a user name of the registry) in one environment. */
@Entity
@Table(name = "role_grants")
@NamedQuery(name = "RoleGrant.all", query = "select g from RoleGrant g")
@NamedQuery(name = "RoleGrant.ofPrincipal", query = "select g from RoleGrant g where g.principal = :principal")
@NamedQuery(
        name = "RoleGrant.inEnvironment",
        query = "select g from RoleGrant g where g.environmentKey = :environment order by g.principal, g.role")
public class RoleGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String principal;

    @Enumerated(EnumType.STRING)
    @Column(name = "role_name", nullable = false, updatable = false)
    private Role role;

    @Column(name = "environment_key", nullable = false, updatable = false)
    private String environmentKey;

    @Column(name = "granted_by", nullable = false, updatable = false)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    protected RoleGrant() {}

    public RoleGrant(String principal, Role role, String environmentKey, String grantedBy, Instant grantedAt) {
        this.principal = principal;
        this.role = role;
        this.environmentKey = environmentKey;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    public Long id() {
        return id;
    }

    public String principal() {
        return principal;
    }

    public Role role() {
        return role;
    }

    public String environmentKey() {
        return environmentKey;
    }

    public RoleGrantView view() {
        return new RoleGrantView(id, principal, role, environmentKey, grantedBy, grantedAt);
    }
}
