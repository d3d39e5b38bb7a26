package dev.onboardingengine.api.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The api's feature packages depend on each other in one direction only: a cycle means two features can
 * no longer be read, tested or moved apart. (workflow's packages have the same rule in workflow.)
 */
class PackageCycleTests {

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.onboardingengine.api");

    @Test
    void apisFeaturePackagesAreFreeOfCycles() {
        slices().matching("dev.onboardingengine.api.(*)..").should().beFreeOfCycles().check(API);
    }
}
