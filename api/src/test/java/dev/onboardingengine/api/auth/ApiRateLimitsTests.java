package dev.onboardingengine.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.directory.EmployeeRole;

/** Each product's documented rate per token: Bridge 5 a second, Workelo 1,000 an hour, ChiefOnboarding none. */
class ApiRateLimitsTests {

    private final RateLimitProperties documented = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("onboarding.api.rate-limits", RateLimitProperties.class);
    private final ApiRateLimits limits = new ApiRateLimits(documented, new ObjectMapper());

    @Test
    void theDefaultsAreTheDocumentedRates() {
        assertThat(documented.enabled()).isTrue();
        assertThat(documented.workeloPerHour()).isEqualTo(1000);
        assertThat(documented.bridgePerSecond()).isEqualTo(5);
    }

    @Test
    void bridgeAnswersTheSixthRequestOfASecond429WithRetryAfter() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(call("POST", "/api/admin/users", "token-a").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse sixth = call("DELETE", "/api/admin/users/7", "token-a");

        assertThat(sixth.getStatus()).isEqualTo(429);
        assertThat(sixth.getHeader("Retry-After")).isEqualTo("1");
        assertThat(sixth.getContentType()).isEqualTo("application/problem+json");
        assertThat(sixth.getContentAsString()).contains("Bridge allows 5 requests per second per token");
        // another token has its own allowance
        assertThat(call("POST", "/api/admin/users", "token-b").getStatus()).isEqualTo(200);
    }

    @Test
    void workeloCountsItsRoutesAtTheRootAndUnderV1TogetherUpTo1000AnHour() throws Exception {
        for (int i = 0; i < 1000; i++) {
            assertThat(call("GET", i % 2 == 0 ? "/employees" : "/v1/tracks/3", "token-w").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call("GET", "/v1/employees", "token-w");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 3600L);
        // ChiefOnboarding documents no limit: the same token goes on there
        assertThat(call("GET", "/api/employees/", "token-w").getStatus()).isEqualTo(200);
    }

    @Test
    void aRequestTheTokenFilterDidNotLetInIsNotCounted() throws Exception {
        for (int i = 0; i < 10; i++) {
            MockHttpServletRequest anonymous = new MockHttpServletRequest("POST", "/api/admin/users");
            anonymous.addHeader("Authorization", "Bearer token-x");
            limits.doFilter(anonymous, new MockHttpServletResponse(), new MockFilterChain());
        }
        assertThat(call("POST", "/api/admin/users", "token-x").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse call(String method, String path, String token) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Authorization", "Bearer " + token);
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, new Caller(1, "admin@example.com", EmployeeRole.ADMIN));
        MockHttpServletResponse response = new MockHttpServletResponse();
        limits.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
