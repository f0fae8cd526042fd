/**
 * The authored ruleset as typed values: a {@link org.rulestead.ruleset.Ruleset} of {@link
 * org.rulestead.ruleset.Rule}s (one record per strategy), their conditions, variants, rollouts with
 * guardrails and experiments, and audience definitions, with {@link
 * org.rulestead.ruleset.RulesetCodec} as the one translation to and from the JSON-shaped trees the
 * REST API, the stores and the engine use. Fields the model does not know travel along in {@link
 * org.rulestead.ruleset.Extras}.
 */
package org.rulestead.ruleset;
