package dev.onboardingengine.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.problem.ErrorDialects;

class ApiTokenFilterTests {

    @Test
    void withApiAccessOffEveryApiRouteAnswers404AndNothingReachesTheControllers() throws Exception {
        // Given API_ACCESS=false (tokens are never consulted: null would fail if they were)
        ApiTokenFilter filter = new ApiTokenFilter(null, null, new ApiAccessProperties(false), new ObjectMapper(),
                new ErrorDialects(List.of()));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/employees/");
        request.addHeader("Authorization", "Token 0123456789abcdef0123456789abcdef01234567");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        // When a call comes in
        filter.doFilter(request, response, chain);

        // Then it is a clear 404 problem, and the chain (the controllers) never ran
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("API_ACCESS=false");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void acceptsTokenBearerAndBridgesBasicSchemesOnly() {
        assertThat(ApiTokenFilter.keyOf("Token abc")).contains("abc");
        assertThat(ApiTokenFilter.keyOf("Bearer abc")).contains("abc");
        // Bridge's API documentation: "Authorization: Basic <token>", the token as Bridge issued it
        assertThat(ApiTokenFilter.keyOf("Basic abc")).contains("abc");
        assertThat(ApiTokenFilter.keyOf("basic  abc ")).contains("abc");
        assertThat(ApiTokenFilter.keyOf("Digest abc")).isEmpty();
        assertThat(ApiTokenFilter.keyOf("abc")).isEmpty();
        assertThat(ApiTokenFilter.keyOf("Token ")).isEmpty();
        assertThat(ApiTokenFilter.keyOf(null)).isEmpty();
    }
}
