package org.rulestead.runtime;

/** A new runtime snapshot was written in the current transaction. */
public record SnapshotWritten(String environmentKey, long snapshotVersion) {}
