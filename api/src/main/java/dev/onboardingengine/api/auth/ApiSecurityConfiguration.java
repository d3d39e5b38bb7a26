package dev.onboardingengine.api.auth;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.problem.ErrorDialect;
import dev.onboardingengine.api.problem.ErrorDialects;

@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    /** Late among the servlet filters (after Spring's own), with the rate limits right behind it. */
    private static final int TOKEN_FILTER_ORDER = org.springframework.core.Ordered.LOWEST_PRECEDENCE - 100;

    /**
     * Every route of every API dialect goes through the token filter: ChiefOnboarding's under /api,
     * Workelo's at the root as its guide writes them and under /v1 as its reference does. /v3/api-docs and /swagger-ui stay open:
     * they describe the API and hold no data.
     */
    @Bean
    FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(ApiTokens tokens, OAuthAccessTokens issued,
            ApiAccessProperties access, ObjectMapper objectMapper, ObjectProvider<ErrorDialect> dialects) {
        FilterRegistrationBean<ApiTokenFilter> registration = new FilterRegistrationBean<>(
                new ApiTokenFilter(tokens, issued, access, objectMapper,
                        new ErrorDialects(dialects.orderedStream().toList())));
        registration.addUrlPatterns("/api/*");
        registration.addUrlPatterns(WorkeloRoutes.servletPatterns());
        registration.setOrder(TOKEN_FILTER_ORDER);
        registration.setName("apiTokenFilter");
        return registration;
    }

    /** Actuator: the two probes for anyone, everything else for administrators' tokens. */
    @Bean
    FilterRegistrationBean<ActuatorAccess> actuatorAccess(ApiTokens tokens, ObjectMapper objectMapper) {
        FilterRegistrationBean<ActuatorAccess> registration = new FilterRegistrationBean<>(
                new ActuatorAccess(tokens, objectMapper));
        registration.addUrlPatterns("/actuator/*");
        registration.setName("actuatorAccess");
        return registration;
    }
}
