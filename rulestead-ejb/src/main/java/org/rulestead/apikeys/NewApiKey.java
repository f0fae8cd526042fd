package org.rulestead.apikeys;

/** A key just created: the only time its secret is known outside its holder. */
public record NewApiKey(ApiKeyView key, String secret) {}
