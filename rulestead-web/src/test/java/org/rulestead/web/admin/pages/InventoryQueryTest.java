package org.rulestead.web.admin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rulestead.flags.FlagInventoryQuery;
import org.rulestead.flags.InventorySort;

class InventoryQueryTest {

    @Test
    void anUnknownSortIsTheKeyAndAPageIsAtLeastTheFirst() {
        InventoryQuery query = new InventoryQuery(null, null, null, null, null, "colour", true, -4);

        assertThat(query.sort()).isEqualTo("key");
        assertThat(query.page()).isEqualTo(1);
        assertThat(query.within("staging").sort()).isEqualTo(InventorySort.KEY);
    }

    @Test
    void theServiceIsAskedForExactlyThisPage() {
        FlagInventoryQuery asked =
                new InventoryQuery(" pay ", "team-a", "permanent", "draft", "ui", "owner", true, 3).within("staging");

        assertThat(asked)
                .isEqualTo(new FlagInventoryQuery(
                        "staging", "pay", "team-a", "permanent", "draft", "ui", InventorySort.OWNER, true, 3, 25));
    }

    @Test
    void linksKeepTheFiltersAndDropDefaults() {
        InventoryQuery query = new InventoryQuery("a b", "team-a", null, null, null, "key", false, 3);

        assertThat(query.link("staging", Map.of())).isEqualTo("?env=staging&q=a+b&owner=team-a&page=3");
        assertThat(query.link("staging", java.util.Collections.singletonMap("page", null)))
                .isEqualTo("?env=staging&q=a+b&owner=team-a");
    }
}
