package org.rulestead.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rulestead.model.WireNamed;

/**
 * The engine is the bottom layer and the authored ruleset model sits right on it: the closed
 * vocabularies live in the engine, so neither needs validation or anything above (both name
 * their vocabularies through {@code model.WireNamed}).
 */
class AuthoredModelLayersTest {

    private static JavaClasses api;

    @BeforeAll
    static void importApi() {
        api = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rulestead");
    }

    @Test
    void theEngineDependsOnNoOtherPackageOfTheProduct() {
        noClasses()
                .that()
                .resideInAPackage("org.rulestead.evaluation..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.rulestead.ruleset..",
                        "org.rulestead.validation..",
                        "org.rulestead.explain..",
                        "org.rulestead.testing..")
                .check(api);
    }

    @Test
    void theRulesetModelDependsOnlyOnTheEngine() {
        classes()
                .that()
                .resideInAPackage("org.rulestead.ruleset..")
                .should()
                .onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                                "java..", "org.rulestead.ruleset..", "org.rulestead.evaluation..")
                        .or(JavaClass.Predicates.belongToAnyOf(WireNamed.class)))
                .check(api);
    }
}
