package org.rulestead.web.admin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryQueryTest {

    private static FlagRow row(String key, String owner, String mode, String status, String... tags) {
        return new FlagRow(
                key,
                "about " + key,
                "release",
                "boolean",
                "false",
                owner,
                owner,
                mode,
                mode,
                status,
                List.of(tags),
                List.of());
    }

    private static final List<FlagRow> ROWS = List.of(
            row("checkout", "team-a", "expiring", "active", "payments"),
            row("search", "team-b", "permanent", "draft"),
            row("banner", "team-a", "permanent", "draft", "marketing"));

    @Test
    void filtersCombine() {
        InventoryQuery query = new InventoryQuery(null, "team-a", "permanent", null, null, null, false, 1);

        assertThat(query.apply(ROWS)).extracting(FlagRow::key).containsExactly("banner");
    }

    @Test
    void textSearchLooksAtKeyDescriptionOwnerAndTags() {
        assertThat(new InventoryQuery("PAY", null, null, null, null, null, false, 1).apply(ROWS))
                .extracting(FlagRow::key)
                .containsExactly("checkout");
    }

    @Test
    void sortsByAColumnEitherWay() {
        assertThat(new InventoryQuery(null, null, null, null, null, "status", false, 1).apply(ROWS))
                .extracting(FlagRow::key)
                .containsExactly("checkout", "banner", "search");
        assertThat(new InventoryQuery(null, null, null, null, null, "key", true, 1).apply(ROWS))
                .extracting(FlagRow::key)
                .containsExactly("search", "checkout", "banner");
    }

    @Test
    void linksKeepTheFiltersAndDropDefaults() {
        InventoryQuery query = new InventoryQuery("a b", "team-a", null, null, null, "key", false, 3);

        assertThat(query.link("staging", Map.of())).isEqualTo("?env=staging&q=a+b&owner=team-a&page=3");
        assertThat(query.link("staging", java.util.Collections.singletonMap("page", null)))
                .isEqualTo("?env=staging&q=a+b&owner=team-a");
    }
}
