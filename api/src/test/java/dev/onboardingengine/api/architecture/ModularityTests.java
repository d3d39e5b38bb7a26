package dev.onboardingengine.api.architecture;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Spring Modulith's view of the whole application: {@code api} and {@code workflow} are its two modules.
 * The api may use only what workflow exposes as named interfaces (the types marked
 * {@code @NamedInterface} in workflow's feature packages); everything else in workflow is internal, and
 * {@code verify()} fails on any use of it, and on a cycle. (Each module's own packages are checked for
 * cycles by the PackageCycleTests of api and of workflow, and workflow's modules by its ModularityTests.)
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of("dev.onboardingengine");

    @Test
    void theApiUsesOnlyWorkflowsNamedInterfaces() {
        MODULES.verify();
    }
}
