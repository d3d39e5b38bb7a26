package dev.onboardingengine.api.local;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as the jar's commands run it ({@code create-token}, {@code unlock-admin},
 * {@code reset-admin-password}): the configured database, no web server, no job executor, no Kafka
 * consumers, no in-process broker. On the embedded default it goes through the running engine's
 * loopback database server when there is one ({@link LocalDatabaseServer#useRunningEngine}).
 */
public final class CommandLineContext {

    /** Camunda's REST API and webapps need a servlet container; a command-line run has none. */
    public static final String WITHOUT_WEB_APPS = "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
            + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration";

    private CommandLineContext() {
    }

    public static ConfigurableApplicationContext start(Class<?> application) {
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .listeners(new OwnerOnlyDataDirectory())
                .listeners(event -> {
                    if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
                        LocalDatabaseServer.useRunningEngine(prepared.getEnvironment());
                    }
                })
                // Command-line arguments, so they win over application.yml and the environment.
                .run("--onboarding.kafka.embedded.enabled=false",
                        "--onboarding.workflow.consume-new-hires=false",
                        "--onboarding.intake.consume-hire-requests=false",
                        "--onboarding.h2.command-server=false",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--spring.kafka.admin.auto-create=false",
                        "--onboarding.outbox.resubmit-initial-delay=1h",
                        "--spring.main.banner-mode=off",
                        "--spring.autoconfigure.exclude=" + WITHOUT_WEB_APPS,
                        "--logging.level.root=WARN");
    }
}
