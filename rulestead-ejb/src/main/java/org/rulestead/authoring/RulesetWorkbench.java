package org.rulestead.authoring;

import org.rulestead.flags.RulesetView;

/**
 * What the rules editor of a flag in an environment starts from, read by version number whatever
 * the history's length: the ruleset in force (null before the first publish), the newest draft
 * after it (null when there is none), and the newest version there, draft or published, which a
 * save must name as the version it edited from (0 before the first).
 */
public record RulesetWorkbench(RulesetView published, RulesetView latestDraft, int latestVersion) {}
