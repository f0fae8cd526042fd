package org.rulestead.environments;

/** An environment as callers see it. */
public record EnvironmentSummary(String key, String name, String description, boolean protectedEnvironment) {}
