package org.rulestead.model;

/** Who owns a flag: a person, a team or a service (host-opaque references). */
public enum OwnerKind implements WireNamed {
    PERSON,
    TEAM,
    SERVICE
}
