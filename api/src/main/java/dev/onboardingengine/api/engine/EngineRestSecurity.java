package dev.onboardingengine.api.engine;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API answers anonymous callers out of the box. This puts it behind HTTP Basic with
 * Camunda users (the admin user, or users made in Camunda Admin), so nobody deploys or migrates
 * anonymously; Camunda Modeler's Deploy dialog sends exactly these credentials.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurity {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engineRestAuthentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }
}
