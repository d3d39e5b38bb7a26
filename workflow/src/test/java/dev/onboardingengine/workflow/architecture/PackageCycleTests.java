package dev.onboardingengine.workflow.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The engine's feature packages depend on each other in one direction only: a cycle means two features
 * can no longer be read, tested or moved apart.
 */
class PackageCycleTests {

    private static final JavaClasses WORKFLOW = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.onboardingengine.workflow");

    @Test
    void workflowsFeaturePackagesAreFreeOfCycles() {
        slices().matching("dev.onboardingengine.workflow.(*)..").should().beFreeOfCycles().check(WORKFLOW);
    }
}
