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

    /** Servlet URL patterns ("/x/*" also matches "/x") of the Workelo dialect. */
    static final String[] WORKELO_PATHS = {"/employees/*", "/user_roles/*", "/level_organizations/*",
            "/unit_organizations/*", "/identification_resources/*", "/unit_organization_managements/*", "/logs/*", "/templates/*", "/tracks/*",
            "/owners/*", "/forms/*", "/paperworks/*", "/paperwork_files/*", "/paperwork_resources/*", "/attachments/*",
            "/document_resources/*", "/collection_values/*", "/user_magic_links/*", "/user_magic_links_by_email/*",
            "/user_magic_links_by_external_id/*"};

    /**
     * Every route of every API dialect goes through the token filter: ChiefOnboarding's under /api,
     * Workelo's at the root as its documentation writes them. /v3/api-docs and /swagger-ui stay open:
     * they describe the API and hold no data.
     */
    @Bean
    FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(ApiTokens tokens, ApiAccessProperties access,
            ObjectMapper objectMapper, ObjectProvider<ErrorDialect> dialects) {
        FilterRegistrationBean<ApiTokenFilter> registration = new FilterRegistrationBean<>(
                new ApiTokenFilter(tokens, access, objectMapper, new ErrorDialects(dialects.orderedStream().toList())));
        registration.addUrlPatterns("/api/*");
        registration.addUrlPatterns(WORKELO_PATHS);
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
