package dev.onboardingengine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.onboardingengine.api.auth.CreateClientCommand;
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
 * create-token <email>} prints a new API token for an existing administrator and exits; {@code
 * create-client <email>} registers a Workelo OAuth client acting as an employee and prints its secret;
 * {@code java -jar onboarding-engine.jar send-hire-request <file.json>} puts a hire request on the
 * hire-requests topic, as an HR system would, and exits; {@code unlock-admin} and
 * {@code reset-admin-password} let the Camunda administrator back in; {@code kafka-broker} runs a
 * single-node broker on loopback for several nodes on one machine (README, Run a cluster).
 */
// Spring Security guards Workelo's token endpoint only (auth/WorkeloOAuthConfiguration registers its
// filter for those paths): not Boot's filter for every path, nor its generated user and password, nor
// a generated signing key for tokens that are opaque.
@SpringBootApplication(exclude = {SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class})
@ConfigurationPropertiesScan
public class OnboardingEngineApplication {

    public static void main(String[] args) throws InterruptedException {
        // Before anything loads H2: its only listener, for the commands, is on loopback.
        LocalDatabaseServer.bindToLoopback();
        if (CreateTokenCommand.isInvokedBy(args)) {
            System.exit(CreateTokenCommand.run(OnboardingEngineApplication.class, args));
        }
        if (CreateClientCommand.isInvokedBy(args)) {
            System.exit(CreateClientCommand.run(OnboardingEngineApplication.class, args));
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
