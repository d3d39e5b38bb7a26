package dev.onboardingengine.api.portal;

import java.io.IOException;
import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers of every portal page. The token sits in the address, so it must not leave through the
 * Referer of a link, stay in a shared cache or be indexed; the page runs no script and loads only its
 * own stylesheet, and may not be framed (a framed "Mark as done" button could be clicked by trickery).
 * The portal is not behind the API token filter: the link is its credential.
 */
@Configuration(proxyBeanMethods = false)
class PortalWebConfiguration {

    static final String STYLESHEET = "/portal/portal.css";
    /** How long browsers keep the stylesheet (it has no token and changes only with a release). */
    static final Duration STYLESHEET_MAX_AGE = Duration.ofHours(1);

    @Bean
    FilterRegistrationBean<PortalHeaders> portalHeaders() {
        FilterRegistrationBean<PortalHeaders> registration = new FilterRegistrationBean<>(new PortalHeaders());
        registration.addUrlPatterns("/portal", "/portal/*");
        registration.setName("portalHeaders");
        return registration;
    }

    static class PortalHeaders extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return STYLESHEET.equals(request.getRequestURI());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Robots-Tag", "noindex, nofollow");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
            chain.doFilter(request, response);
        }
    }
}
