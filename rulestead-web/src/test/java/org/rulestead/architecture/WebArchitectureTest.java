package org.rulestead.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web module (REST resources, admin pages) asks services for views: it touches no JPA type or
 * entity and no JDBC, so how the data is stored can change without a page or endpoint noticing.
 */
class WebArchitectureTest {

    private static JavaClasses web;

    @BeforeAll
    static void importWeb() {
        web = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rulestead.web");
        assertThat(web.contain("org.rulestead.web.problem.UnexpectedFailureMapper"))
                .isTrue();
    }

    @Test
    void webTouchesNoPersistenceApi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "java.sql..", "javax.sql..", "org.hibernate..")
                .because("services own transactions and storage; web gets views and typed refusals")
                .check(web);
    }

    @Test
    void webTouchesNoEntity() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith("jakarta.persistence.Entity")
                .because("an entity outside its service would let a page change state behind governance")
                .check(web);
    }
}
