package dev.onboardingengine.api.openapi;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.onboardingengine.api.auth.Caller;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description at /v3/api-docs and Swagger UI at /swagger-ui.html, both open: they hold no
 * data, and "Authorize" takes the API token that every described route needs.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // The caller comes from the Authorization header, not from a request parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /** Each dialect's error bodies on its operations. */
    @Bean
    DialectErrorBodies dialectErrorBodies() {
        return new DialectErrorBodies();
    }

    @Bean
    OpenAPI onboardingEngineOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Onboarding Engine API")
                        .description("One directory and journey engine, several dialects: Workelo's routes at the "
                                + "root and under /v1, ChiefOnboarding's under /api (Django REST framework's error bodies), Offly's under "
                                + "/api/v1/users (its {data, pagination} lists and {error} envelope), Bridge's under "
                                + "/api/admin/users. Authorization: Bearer <token>, Token <token> or Basic <token>.")
                        .version("0.1.0"))
                .components(new Components().addSecuritySchemes("token", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("An API token")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
