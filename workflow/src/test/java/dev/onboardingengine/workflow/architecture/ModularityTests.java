package dev.onboardingengine.workflow.architecture;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Spring Modulith's view of the engine: every feature package (journey, events, notification, ...) is an
 * application module. {@code verify()} fails on a cycle between them, on a module reaching into another's
 * internal packages, and on a dependency a module's {@code package-info} does not allow.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of("dev.onboardingengine.workflow");

    @Test
    void engineModulesHaveNoCyclesAndUseOnlyWhatEachOtherExposes() {
        MODULES.verify();
    }
}
