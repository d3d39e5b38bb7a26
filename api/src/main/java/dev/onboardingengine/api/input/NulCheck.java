package dev.onboardingengine.api.input;

import java.util.Map;

import org.springframework.web.servlet.HandlerInterceptor;

import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.api.problem.NulCharacter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a query or form parameter holding U+0000 ({@code ?external_id=a%00b}) before the handler
 * runs, naming the parameter: PostgreSQL cannot compare or store it and answered a 500. (Tomcat itself
 * refuses an encoded NUL in the path.)
 */
final class NulCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (NulCharacter.isIn(value) || NulCharacter.isIn(parameter.getKey())) {
                    throw InvalidInput.of(parameter.getKey().replace('\u0000', '?'), "nul", null);
                }
            }
        }
        return true;
    }
}
