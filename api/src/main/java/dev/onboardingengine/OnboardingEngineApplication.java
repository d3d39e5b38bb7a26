package dev.onboardingengine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.onboardingengine.api.auth.CreateTokenCommand;
import dev.onboardingengine.api.engine.EngineAdminCommands;
import dev.onboardingengine.api.hire.intake.SendHireRequestCommand;
import dev.onboardingengine.api.local.EmbeddedKafka;
import dev.onboardingengine.api.local.KafkaBrokerCommand;
import dev.onboardingengine.api.local.LocalDatabaseServer;
import dev.onboardingengine.api.local.OwnerOnlyDataDirectory;

/**
 * The onboarding engine: REST API, journeys and Camunda's webapps in one process.
 *
 * <p>{@code java -jar onboarding-engine.jar} runs it; {@code java -jar onboarding-engine.jar
 * create-token <email>} prints a new API token for an existing administrator and exits;
 * {@code java -jar onboarding-engine.jar send-hire-request <file.json>} puts a hire request on the
 * hire-requests topic, as an HR system would, and exits; {@code unlock-admin} and
 * {@code reset-admin-password} let the Camunda administrator back in; {@code kafka-broker} runs a
 * single-node broker on loopback for several nodes on one machine (README, Run a cluster).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OnboardingEngineApplication {

    public static void main(String[] args) throws InterruptedException {
        // Before anything loads H2: its only listener, for the commands, is on loopback.
        LocalDatabaseServer.bindToLoopback();
        if (CreateTokenCommand.isInvokedBy(args)) {
            System.exit(CreateTokenCommand.run(OnboardingEngineApplication.class, args));
        }
        if (EngineAdminCommands.isInvokedBy(args)) {
            System.exit(EngineAdminCommands.run(OnboardingEngineApplication.class, args));
        }
        if (KafkaBrokerCommand.isInvokedBy(args)) {
            System.exit(KafkaBrokerCommand.runFromTerminal(args));
        }
        if (SendHireRequestCommand.isInvokedBy(args)) {
            System.exit(SendHireRequestCommand.runFromTerminal(args));
        }
        SpringApplication application = new SpringApplication(OnboardingEngineApplication.class);
        // In this order: the data directory is owner-only before the broker writes its log there.
        application.addListeners(new OwnerOnlyDataDirectory(), new EmbeddedKafka());
        application.run(args);
    }
}
