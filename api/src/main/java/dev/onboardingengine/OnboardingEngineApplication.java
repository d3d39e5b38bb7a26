package dev.onboardingengine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.onboardingengine.api.auth.CreateTokenCommand;
import dev.onboardingengine.api.hire.intake.SendHireRequestCommand;
import dev.onboardingengine.api.local.EmbeddedKafka;

/**
 * The onboarding engine: REST API, journeys and Camunda's webapps in one process.
 *
 * <p>{@code java -jar onboarding-engine.jar} runs it; {@code java -jar onboarding-engine.jar
 * create-token <email>} prints a new API token for an existing administrator and exits;
 * {@code java -jar onboarding-engine.jar send-hire-request <file.json>} puts a hire request on the
 * hire-requests topic, as an HR system would, and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OnboardingEngineApplication {

    public static void main(String[] args) {
        if (CreateTokenCommand.isInvokedBy(args)) {
            System.exit(CreateTokenCommand.run(OnboardingEngineApplication.class, args));
        }
        if (SendHireRequestCommand.isInvokedBy(args)) {
            System.exit(SendHireRequestCommand.runFromTerminal(args));
        }
        SpringApplication application = new SpringApplication(OnboardingEngineApplication.class);
        application.addListeners(new EmbeddedKafka());
        application.run(args);
    }
}
