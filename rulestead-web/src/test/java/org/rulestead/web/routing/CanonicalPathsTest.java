package org.rulestead.web.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalPathsTest {

    @Test
    void everyRunOfSlashesBecomesOne() {
        assertThat(CanonicalPaths.collapse("//ofrep/v1/evaluate/flags/checkout"))
                .isEqualTo("/ofrep/v1/evaluate/flags/checkout");
        assertThat(CanonicalPaths.collapse("/api///v1//environments/staging/flags//x/evaluate"))
                .isEqualTo("/api/v1/environments/staging/flags/x/evaluate");
        assertThat(CanonicalPaths.collapse("/admin/flags/")).isEqualTo("/admin/flags/");
    }

    @Test
    void aCanonicalPathIsLeftAsItIs() {
        String path = "/api/v1/admin/flags";
        assertThat(CanonicalPaths.collapse(path)).isSameAs(path);
        assertThat(CanonicalPaths.collapse(null)).isNull();
    }
}
