package org.rulestead.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Services know nothing of the web layer that calls them. */
class LayeringTest {

    private static JavaClasses services;

    @BeforeAll
    static void importServices() {
        services = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("rulestead-api"))
                .importPackages("org.rulestead");
        assertThat(services.contain("org.rulestead.flags.FlagService")).isTrue();
    }

    @Test
    void ejbModuleImportsNothingFromTheWebModule() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.rulestead.web..", "jakarta.ws.rs..", "jakarta.faces..", "jakarta.servlet..")
                .because("rulestead-ejb serves the web module, never the other way round")
                .check(services);
    }
}
