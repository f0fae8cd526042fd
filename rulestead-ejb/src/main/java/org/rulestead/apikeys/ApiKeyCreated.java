package org.rulestead.apikeys;

/** A key was created in the current transaction: this node admits it once the transaction commits. */
public record ApiKeyCreated(String keyHash, KeyHolder holder) {}
