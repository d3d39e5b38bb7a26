package dev.onboardingengine.workflow;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The workflow module on its own, as its integration tests run it. */
@SpringBootApplication
class WorkflowTestApplication {
}
