package dev.onboardingengine.api.auth;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Workelo's OAuth 2.0 token endpoint, {@code POST /oauth/token} (and {@code /v1/oauth/token}, under
 * its reference's base URL): Spring Authorization Server's client credentials grant for
 * {@link OAuthClients}, issuing {@link OAuthAccessTokens}. Spring Security guards these two paths
 * only: its filter is registered for them alone (Spring Boot's registration for every path is
 * excluded in the application class), so the rest of the API keeps its own token filter and error
 * shapes, and Camunda's webapps their own authentication.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WorkeloOAuthConfiguration {

    static final String TOKEN_ENDPOINT = "/oauth/token";
    static final String VERSIONED_TOKEN_ENDPOINT = "/v1" + TOKEN_ENDPOINT;

    @Bean
    SecurityFilterChain workeloTokenEndpoint(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.POST, TOKEN_ENDPOINT),
                paths.matcher(HttpMethod.POST, VERSIONED_TOKEN_ENDPOINT)))
                .with(server, Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // No client credentials at all: RFC 6749's invalid_client (401), as for wrong ones.
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint((request, response, e) -> invalidClient(response)));
        return http.build();
    }

    /**
     * The token endpoint at the root, and under {@code /v1}: with several issuers allowed, Spring
     * Authorization Server answers its endpoints below any path prefix (the issuer's path), which the
     * chain's matcher narrows to none and {@code /v1}.
     */
    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().multipleIssuersAllowed(true).tokenEndpoint(TOKEN_ENDPOINT).build();
    }

    @Bean
    DelegatingFilterProxyRegistrationBean workeloTokenEndpointFilter() {
        DelegatingFilterProxyRegistrationBean registration = new DelegatingFilterProxyRegistrationBean(
                AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME);
        registration.addUrlPatterns(TOKEN_ENDPOINT, VERSIONED_TOKEN_ENDPOINT);
        registration.setName("workeloTokenEndpoint");
        return registration;
    }

    private static void invalidClient(HttpServletResponse response) throws IOException {
        ServletServerHttpResponse http = new ServletServerHttpResponse(response);
        http.setStatusCode(HttpStatus.UNAUTHORIZED);
        http.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth\"");
        new OAuth2ErrorHttpMessageConverter().write(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                "Client authentication failed: no client credentials", null), null, http);
    }
}
