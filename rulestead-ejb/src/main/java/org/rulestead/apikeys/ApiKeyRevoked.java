package org.rulestead.apikeys;

/** A key was revoked in the current transaction. */
public record ApiKeyRevoked(long keyId) {}
