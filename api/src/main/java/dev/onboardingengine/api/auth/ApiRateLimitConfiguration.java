package dev.onboardingengine.api.auth;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link ApiRateLimits} in front of every handler, unless the limits are turned off. */
@Configuration(proxyBeanMethods = false)
class ApiRateLimitConfiguration implements WebMvcConfigurer {

    private final RateLimitProperties properties;

    ApiRateLimitConfiguration(RateLimitProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (properties.enabled()) {
            registry.addInterceptor(new ApiRateLimits(properties));
        }
    }
}
