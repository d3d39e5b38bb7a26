package dev.onboardingengine.workflow.modeling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param scriptsEnabled whether deployed diagrams may run scripts (script tasks, scripts in listeners,
 *     inputs, outputs and conditions): code that reaches everything the engine's JVM reaches, so off unless
 *     an administrator turns it on
 */
@ConfigurationProperties("onboarding.modeling")
record ModelingProperties(@DefaultValue("false") boolean scriptsEnabled) {
}
