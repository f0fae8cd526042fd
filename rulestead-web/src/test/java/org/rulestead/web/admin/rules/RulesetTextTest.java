package org.rulestead.web.admin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesetTextTest {

    @Test
    void rulesAreWrittenIndentedWithSortedKeys() {
        assertThat(RulesetText.lines(List.of(Map.of("strategy", "forced_value", "key", "a"))))
                .containsExactly("[", "  {", "    \"key\": \"a\",", "    \"strategy\": \"forced_value\"", "  }", "]");
    }

    @Test
    void theDiffKeepsCommonLinesAndMarksTheRest() {
        List<RulesetText.DiffLine> diff = RulesetText.diff(List.of("a", "b", "c"), List.of("a", "x", "c", "d"));

        assertThat(diff)
                .containsExactly(
                        new RulesetText.DiffLine("same", "a"),
                        new RulesetText.DiffLine("removed", "b"),
                        new RulesetText.DiffLine("added", "x"),
                        new RulesetText.DiffLine("same", "c"),
                        new RulesetText.DiffLine("added", "d"));
        assertThat(RulesetText.changes(diff)).isTrue();
        assertThat(RulesetText.changes(RulesetText.diff(List.of("a"), List.of("a"))))
                .isFalse();
    }
}
