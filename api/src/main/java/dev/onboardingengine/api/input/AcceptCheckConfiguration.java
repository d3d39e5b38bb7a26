package dev.onboardingengine.api.input;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.http.HttpMessageConverters;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link NulCheck} and {@link AcceptCheck} in front of every handler, the latter with the
 * negotiation and converters MVC itself uses.
 */
@Configuration(proxyBeanMethods = false)
class AcceptCheckConfiguration implements WebMvcConfigurer {

    private final AcceptCheck check;

    AcceptCheckConfiguration(
            @Qualifier("mvcContentNegotiationManager") ObjectProvider<ContentNegotiationManager> negotiation,
            ObjectProvider<HttpMessageConverters> converters) {
        this.check = new AcceptCheck(negotiation, converters);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Slack's interactive endpoint verifies a signature over the raw form body, which reading the
        // parameters here would consume; it refuses a NUL in the payload itself.
        registry.addInterceptor(new NulCheck()).excludePathPatterns("/slack/**");
        registry.addInterceptor(check);
    }
}
