package org.rulestead.evaluation;

import java.util.List;
import java.util.Map;

/**
 * Turns a runtime flag payload (spec §2.2: {@code flag}, {@code environment}, {@code
 * flag_environment}, {@code active_ruleset}, {@code audiences}, as JSON-shaped maps) into a
 * {@link CompiledFlag}: conditions resolved, patterns compiled with RE2/J, lists turned into
 * sets, salts joined and hashed, audiences looked up. A payload that cannot be evaluated compiles
 * to a flag that answers {@code malformed_runtime_data}.
 */
public final class FlagCompiler {

    private FlagCompiler() {}

    public static CompiledFlag compile(Object payload) {
        if (!(payload instanceof Map<?, ?> document)) {
            return malformed(null, "the flag payload is not an object");
        }
        Map<?, ?> flag = document.get("flag") instanceof Map<?, ?> map ? map : null;
        String flagKey = flag == null ? null : Values.text(flag.get("key"));
        if (flag == null) {
            return malformed(null, "the flag payload has no flag object");
        }
        if (!(document.get("active_ruleset") instanceof Map<?, ?> ruleset)) {
            return malformed(flagKey, "the flag payload has no active_ruleset object");
        }
        Answers answers = new Answers(
                flagKey,
                Values.wholeNumber(ruleset.get("version")),
                environmentKey(document.get("environment")),
                Values.extract(flag.get("default_value")),
                killSwitched(document.get("flag_environment")));
        Object salt = ruleset.get("salt");
        Object audiences = document.get("audiences");
        List<?> authored = ruleset.get("rules") instanceof List<?> list ? list : List.of();
        ConditionTable conditions = new ConditionTable();
        Rule[] rules = authored.stream()
                .map(rule -> Rule.of(answers, salt, rule, audiences, conditions))
                .toArray(Rule[]::new);
        return new CompiledFlag(answers, rules, conditions.toArray(), null);
    }

    private static CompiledFlag malformed(String flagKey, String problem) {
        return new CompiledFlag(
                new Answers(flagKey, null, null, null, false),
                new Rule[0],
                new Condition[0],
                EvaluationError.malformed(problem));
    }

    private static String environmentKey(Object environment) {
        return environment instanceof Map<?, ?> map ? Values.text(map.get("key")) : null;
    }

    /** Snapshots empty a kill-switched flag's rules (spec §2.11); the status says why. */
    private static boolean killSwitched(Object flagEnvironment) {
        return flagEnvironment instanceof Map<?, ?> map && "killswitched".equals(map.get("status"));
    }
}
