package org.rulestead.model;

import java.util.Objects;

/**
 * Every flag has an owner: a host-opaque reference such as {@code team-growth}, its kind, and an
 * optional display label.
 */
public record Ownership(String ownerRef, OwnerKind ownerKind, String ownerDisplay) {

    public Ownership {
        Objects.requireNonNull(ownerRef, "owner_ref is required");
        Objects.requireNonNull(ownerKind, "owner_kind is required");
    }

    /** The label to show: the display name when given, else the reference. */
    public String label() {
        return ownerDisplay == null || ownerDisplay.isBlank() ? ownerRef : ownerDisplay;
    }
}
