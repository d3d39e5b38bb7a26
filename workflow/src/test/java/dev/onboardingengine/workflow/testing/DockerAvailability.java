package dev.onboardingengine.workflow.testing;

import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers can start containers here; decided once per JVM. */
final class DockerAvailability {

    private static Boolean available;

    private DockerAvailability() {
    }

    static synchronized boolean isAvailable() {
        if (available == null) {
            boolean disabled = Boolean.parseBoolean(System.getenv().getOrDefault("TESTS_WITHOUT_DOCKER", "false"));
            available = !disabled && safelyAsk();
        }
        return available;
    }

    private static boolean safelyAsk() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
