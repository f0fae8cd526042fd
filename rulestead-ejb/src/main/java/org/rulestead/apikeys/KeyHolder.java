package org.rulestead.apikeys;

/** Who an API key lets in: evaluation clients of one environment. */
public record KeyHolder(long keyId, String environmentKey) {}
