package dev.onboardingengine.api.dialect.workelo;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.onboardingengine.api.auth.WorkeloRoutes;

/**
 * Workelo's API reference gives its base URL as {@code https://.../v1/}, its guide writes the routes
 * from the root: every Workelo route answers at both, {@code /v1/employees} as {@code /employees}. One
 * route with two paths (not a forward or a rewrite), so the token filter, the checks in front of every
 * handler and the OpenAPI description treat both the same.
 */
@Configuration(proxyBeanMethods = false)
class WorkeloVersionedPaths {

    static final String VERSION_PREFIX = "/v1";

    @Bean
    WebMvcRegistrations workeloVersionedRoutes() {
        return new WebMvcRegistrations() {

            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new VersionedMapping();
            }
        };
    }

    /** Adds {@code /v1<path>} beside every path of a mapping that is one of Workelo's routes. */
    static final class VersionedMapping extends RequestMappingHandlerMapping {

        @Override
        protected RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
            RequestMappingInfo info = super.getMappingForMethod(method, handlerType);
            if (info == null || info.getPathPatternsCondition() == null) {
                return info;
            }
            Set<String> paths = info.getPathPatternsCondition().getPatternValues();
            if (paths.stream().noneMatch(WorkeloRoutes::isWorkelo)) {
                return info;
            }
            Set<String> both = new LinkedHashSet<>(paths);
            paths.stream().filter(WorkeloRoutes::isWorkelo).map(path -> VERSION_PREFIX + path).forEach(both::add);
            return info.mutate().paths(both.toArray(String[]::new)).build();
        }
    }
}
