package dev.onboardingengine.api.problem;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Spring Boot's {@code /error}, which renders the errors the container forwards to it, answers a
 * client that asks for {@code /error} itself 404 instead of 500: nothing went wrong, there is just no
 * page there.
 */
class ErrorEndpoint extends BasicErrorController {

    ErrorEndpoint(ErrorAttributes errorAttributes, ServerProperties server, List<ErrorViewResolver> views) {
        super(errorAttributes, server.getError(), views);
    }

    @Override
    protected HttpStatus getStatus(HttpServletRequest request) {
        return forwarded(request) ? super.getStatus(request) : HttpStatus.NOT_FOUND;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (forwarded(request)) {
            return super.error(request);
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404, "error", "Not Found",
                "path", request.getRequestURI()));
    }

    private static boolean forwarded(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null
                || request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null;
    }

    /** Only in a web application: commands such as create-token run the engine without one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ErrorEndpointConfiguration {

        /** Replaces Spring Boot's BasicErrorController (it backs off when an ErrorController bean exists). */
        @Bean
        ErrorEndpoint errorEndpoint(ErrorAttributes errorAttributes, ServerProperties server,
                List<ErrorViewResolver> views) {
            return new ErrorEndpoint(errorAttributes, server, views);
        }
    }
}
