package org.rulestead.web.admin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminRoutesTest {

    @Test
    void publicAddressesMapOntoTheirViews() {
        assertThat(AdminRoutes.view("/admin/flags")).isEqualTo("/admin/flags.xhtml");
        assertThat(AdminRoutes.view("/admin/flags/new")).isEqualTo("/admin/flag-form.xhtml");
        assertThat(AdminRoutes.view("/admin/flags/checkout")).isEqualTo("/admin/flag.xhtml?key=checkout");
        assertThat(AdminRoutes.view("/admin/flags/checkout/edit")).isEqualTo("/admin/flag-form.xhtml?key=checkout");
        assertThat(AdminRoutes.view("/admin/flags/checkout/rules")).isEqualTo("/admin/rules.xhtml?key=checkout");
        assertThat(AdminRoutes.view("/admin/flags/a%3Ab/kill")).isEqualTo("/admin/kill.xhtml?key=a%3Ab");
        assertThat(AdminRoutes.view("/admin/change-requests/42")).isEqualTo("/admin/change-request.xhtml?id=42");
        assertThat(AdminRoutes.view("/admin/audit")).isEqualTo("/admin/audit.xhtml");
    }

    @Test
    void anythingElseIsNotAnAdminPage() {
        assertThat(AdminRoutes.view("/admin/flags/checkout/unknown")).isNull();
        assertThat(AdminRoutes.view("/admin/flags/checkout/rules/more")).isNull();
        assertThat(AdminRoutes.view("/admin/change-requests/abc")).isNull();
        assertThat(AdminRoutes.view("/admin/flags/")).isNull();
    }
}
