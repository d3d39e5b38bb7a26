package dev.onboardingengine.api.contract;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The event contract ({@code docs/asyncapi.yaml} and {@code docs/schemas/*.json}) is packaged as
 * static content, so the engine serves it at {@code /asyncapi.yaml} and {@code /schemas/*.json}
 * outside {@code /api} and without a token. Spring knows no media type for {@code .yaml}; AsyncAPI
 * tools and browsers want {@code application/yaml} rather than a download of octets.
 */
@Configuration(proxyBeanMethods = false)
class EventContractWeb implements WebMvcConfigurer {

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.mediaType("yaml", MediaType.parseMediaType("application/yaml"));
    }
}
