package dev.onboardingengine.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Dependencies point one way, api -> workflow -> processes, and api reaches workflow only through
 * its entry points. Maven already stops workflow from compiling against api; these rules keep api
 * from reaching into workflow's insides or into Camunda itself.
 */
class ModuleDependencyTests {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.onboardingengine");

    private static final JavaClasses WITH_WORKFLOW_JAR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.onboardingengine");

    @Test
    void workflowNeverDependsOnTheApi() {
        noClasses().that().resideInAPackage("dev.onboardingengine.workflow..")
                .should().dependOnClassesThat().resideInAPackage("dev.onboardingengine.api..")
                .check(WITH_WORKFLOW_JAR);
    }

    @Test
    void theApiUsesOnlyTheEntryPointsOfWorkflow() {
        classes().that().resideInAPackage("dev.onboardingengine.workflow..")
                .and().areNotPublic()
                .should().onlyBeAccessed().byClassesThat().resideInAPackage("dev.onboardingengine.workflow..")
                .check(WITH_WORKFLOW_JAR);
        noClasses().that().resideInAPackage("dev.onboardingengine.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.onboardingengine.workflow.config..", "dev.onboardingengine.workflow.invitation..")
                .check(PRODUCTION);
    }

    @Test
    void onlyWorkflowTouchesCamundasJavaApi() {
        // The api module may protect Camunda's REST endpoint, but never drives the engine itself.
        noClasses().that().resideInAPackage("dev.onboardingengine.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine",
                        "org.camunda.bpm.engine.runtime..", "org.camunda.bpm.engine.task..",
                        "org.camunda.bpm.engine.delegate..", "org.camunda.bpm.engine.impl..")
                .check(PRODUCTION);
    }

    @Test
    void theApiPublishesNoJourneyEventsOfItsOwn() {
        // Journey events come from the engine's transaction, never from an API controller. Webhooks only
        // listen to them, to forward them to subscribers.
        noClasses().that().resideInAPackage("dev.onboardingengine.api..")
                .and().resideOutsideOfPackage("dev.onboardingengine.api.webhook..")
                .should().dependOnClassesThat().haveSimpleName("JourneyStatusChanged")
                .check(PRODUCTION);
    }
}
