package org.rulestead.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rulestead.changerequests.ChangeRequestService;
import org.rulestead.governance.GovernanceGate;
import org.rulestead.governance.GovernedAction;

/**
 * The ejb module knows nothing of the web layer that calls it; its feature packages (spec §6: governance, change requests, authoring, kill switch,
 * …) form no cycles, and a governed change is applied through the governance gate only.
 */
class FeaturePackagesTest {

    private static JavaClasses services;

    @BeforeAll
    static void importServices() {
        services = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("rulestead-api"))
                .importPackages("org.rulestead");
        assertThat(services.contain(GovernanceGate.class)).isTrue();
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

    @Test
    void featurePackagesFormNoCycles() {
        slices().matching("org.rulestead.(*)..")
                .should()
                .beFreeOfCycles()
                .because("each feature builds on the ones below it, so a new one plugs in without edits elsewhere")
                .check(services);
    }

    @Test
    void onlyTheGateAppliesAGovernedAction() {
        noClasses()
                .that()
                .doNotBelongToAnyOf(GovernanceGate.class)
                .should()
                .callMethodWhere(describe(
                        "a governed action is applied",
                        // the compiler's bridge from apply(…) returning Object to the typed one is no caller
                        (JavaMethodCall call) -> call.getName().equals("apply")
                                && call.getTargetOwner().isAssignableTo(GovernedAction.class)
                                && !call.getOrigin().getModifiers().contains(JavaModifier.BRIDGE)))
                .because("applying a governed change anywhere but the gate would skip governance (spec §6.4)")
                .check(services);
    }

    @Test
    void eachGovernedActionIsReachedOnlyWithinItsFeatureAndThroughTheGate() {
        List<JavaClass> plugIns = services.stream()
                .filter(javaClass -> javaClass.isAssignableTo(GovernedAction.class) && !javaClass.isInterface())
                .toList();
        assertThat(plugIns)
                .extracting(JavaClass::getSimpleName)
                .contains("PublishRuleset", "EngageKillSwitch", "ReleaseKillSwitch", "AdvanceRollout");
        for (JavaClass plugIn : plugIns) {
            classes()
                    .that()
                    .haveFullyQualifiedName(plugIn.getName())
                    .should()
                    .onlyBeAccessed()
                    .byAnyPackage(plugIn.getPackageName())
                    .because("a feature's governed action is its own; others reach it through the gate")
                    .check(services);
        }
    }

    @Test
    void servicesDoNotReadTheCallerFromTheContainerThemselves() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.rulestead.governance..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.security.enterprise.SecurityContext")
                .because("who acts is governance's question: a timer or batch thread has no signed-in caller")
                .check(services);
    }

    @Test
    void onlyTheSchedulerExecutesAChangeRequestWithoutAskingWhoCalls() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.rulestead.schedule..", "org.rulestead.changerequests..")
                .should()
                .callMethodWhere(describe(
                        "a change request is executed as the scheduler",
                        (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(ChangeRequestService.class)
                                && call.getName().equals("executeScheduled")))
                .because("executing as the scheduler skips the caller's authorization: only a due execution may")
                .check(services);
        noClasses()
                .that()
                .resideOutsideOfPackages("org.rulestead.rollout..", "org.rulestead.changerequests..")
                .should()
                .callMethodWhere(describe(
                        "a change request is proposed as a system actor",
                        (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(ChangeRequestService.class)
                                && call.getName().equals("submitAsSystem")))
                .because("only automation (an auto-advance tick in a protected environment) proposes as the system")
                .check(services);
    }
}
