package org.rulestead.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine runs anywhere: in the server, in a host application's tests, in a benchmark. */
class EngineIsPureTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rulestead");
        assertThat(engine).as("engine classes found on the class path").isNotEmpty();
    }

    @Test
    void importsNothingFromJakartaEe() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "javax.ejb..", "javax.persistence..", "org.eclipse.microprofile..")
                .because("rulestead-api is the pure engine: no container code")
                .check(engine);
    }

    @Test
    void knowsNothingOfTheModulesBuiltOnIt() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.rulestead.web..", "org.hibernate..", "org.flywaydb..")
                .check(engine);
    }

    @Test
    void neverLogs() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.util.logging..", "java.lang.System$Logger")
                .because("evaluation never logs (decisions.md item 5)")
                .check(engine);
    }
}
