package org.rulestead.flags;

/** A flag's state in one environment, as callers see it. */
public record FlagEnvironmentView(String environmentKey, FlagStatus status) {}
