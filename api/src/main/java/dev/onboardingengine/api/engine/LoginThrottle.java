package dev.onboardingengine.api.engine;

import java.io.IOException;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.onboardingengine.api.throttle.ClientThrottle;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Failed logins per client address, before Camunda sees them: HTTP Basic on {@code /engine-rest}
 * (Camunda Modeler's Deploy, scripts) and the login form of Cockpit, Tasklist and Admin
 * ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}). Each attempt takes one from the
 * client's allowance first, and a successful one gives it back, so parallel guesses count too; a
 * client with none left is answered 429 with {@code Retry-After}, and its guesses never reach
 * Camunda's per-user counter, which (at {@code loginMaxAttempts}) locks the user in the database.
 * Requests without credentials do not count: Camunda counts nothing for them either.
 */
class LoginThrottle extends OncePerRequestFilter {

    static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final ClientThrottle throttle;

    LoginThrottle(ClientThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean webappLogin = "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path(request)).matches();
        boolean basicLogin = !webappLogin && path(request).startsWith("/engine-rest")
                && request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        if (!webappLogin && !basicLogin) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        ClientThrottle.Attempt attempt = throttle.tryAcquire(client);
        if (!attempt.allowed()) {
            log.warn("Login attempts from {} refused for {} s: too many failed logins", client,
                    attempt.retryAfterSeconds());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(attempt.retryAfterSeconds()));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                    + "\"detail\":\"Too many failed logins from this address; try again later.\"}");
            return;
        }
        chain.doFilter(request, response);
        int status = response.getStatus();
        boolean failed = status == HttpStatus.UNAUTHORIZED.value()
                || webappLogin && status == HttpStatus.FORBIDDEN.value();
        if (!failed) {
            throttle.refund(client);
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
