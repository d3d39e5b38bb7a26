package dev.onboardingengine.api.auth;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    /** Every route of every API dialect goes through the token filter. */
    @Bean
    FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(ApiTokens tokens, ApiAccessProperties access,
            ObjectMapper objectMapper) {
        FilterRegistrationBean<ApiTokenFilter> registration =
                new FilterRegistrationBean<>(new ApiTokenFilter(tokens, access, objectMapper));
        registration.addUrlPatterns("/api/*");
        registration.setName("apiTokenFilter");
        return registration;
    }
}
