package dev.onboardingengine.api.engine;

import java.time.Duration;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import dev.onboardingengine.api.throttle.ClientThrottle;

/**
 * Camunda's REST API answers anonymous callers out of the box. This puts it behind HTTP Basic with
 * Camunda users (the admin user, or users made in Camunda Admin), so nobody deploys or migrates
 * anonymously; Camunda Modeler's Deploy dialog sends exactly these credentials. In front of it, and
 * of the webapps' login form, failed logins are throttled per client ({@link LoginThrottle}).
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurity {

    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(LoginThrottleSettings settings) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(
                new LoginThrottle(new ClientThrottle(settings.failures(), settings.window())));
        registration.setName("loginThrottle");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/admin/auth/user/*");
        // Before Camunda's authentication filter, so a throttled guess never reaches its counter.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new ProcessEngineAuthenticationFilter());
        registration.setName("engineRestAuthentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }

    /**
     * @param failures failed logins a client address may make per {@code window} (Cockpit's form and
     *     {@code /engine-rest} together)
     */
    @ConfigurationProperties("onboarding.login-throttle")
    record LoginThrottleSettings(@DefaultValue("10") int failures, @DefaultValue("15m") Duration window) {
    }
}
