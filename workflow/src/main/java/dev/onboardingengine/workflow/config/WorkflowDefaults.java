package dev.onboardingengine.workflow.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the engine's defaults ({@code onboarding-workflow-defaults.yml}) below every other property
 * source, so any application that includes this module gets a working engine, and the application's
 * own {@code application.yml}, profiles and environment variables still override each value.
 */
public class WorkflowDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "onboarding-workflow-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new YamlPropertySourceLoader().load("onboardingWorkflowDefaults", new ClassPathResource(RESOURCE))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
