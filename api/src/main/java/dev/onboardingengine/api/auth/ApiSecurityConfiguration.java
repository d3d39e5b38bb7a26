package dev.onboardingengine.api.auth;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    /**
     * Every route of every API dialect goes through the token filter: ChiefOnboarding's under /api,
     * Workelo's at the root as its guide writes them and under /v1 as its reference does. /v3/api-docs and /swagger-ui stay open:
     * they describe the API and hold no data.
     */
    @Bean
    FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(ApiTokens tokens, ApiAccessProperties access,
            ObjectMapper objectMapper) {
        FilterRegistrationBean<ApiTokenFilter> registration =
                new FilterRegistrationBean<>(new ApiTokenFilter(tokens, access, objectMapper));
        registration.addUrlPatterns("/api/*");
        registration.addUrlPatterns(WorkeloRoutes.servletPatterns());
        registration.setName("apiTokenFilter");
        return registration;
    }

    /** Actuator: the two probes for anyone, everything else for administrators' tokens. */
    @Bean
    FilterRegistrationBean<ActuatorAccess> actuatorAccess(ApiTokens tokens, ObjectMapper objectMapper) {
        FilterRegistrationBean<ActuatorAccess> registration =
                new FilterRegistrationBean<>(new ActuatorAccess(tokens, objectMapper));
        registration.addUrlPatterns("/actuator/*");
        registration.setName("actuatorAccess");
        return registration;
    }
}
