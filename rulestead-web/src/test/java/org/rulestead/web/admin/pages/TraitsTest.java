package org.rulestead.web.admin.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraitsTest {

    @Test
    void linesAreNamesAndValuesWithDottedNamesNested() {
        assertThat(Traits.parse("plan=pro\nage = 42\naccount.tier=gold\nbeta=true\nteams=[\"a\",\"b\"]\n# a note\n"))
                .isEqualTo(Map.of(
                        "plan",
                        "pro",
                        "age",
                        42L,
                        "account",
                        Map.of("tier", "gold"),
                        "beta",
                        true,
                        "teams",
                        List.of("a", "b")));
    }

    @Test
    void aLineWithoutANameIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> Traits.parse("plan=pro\n=oops"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }
}
