package dev.onboardingengine.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.problem.RateLimited;

/**
 * Each product's documented rate per token: Bridge 5 a second, Workelo 1,000 an hour, Offly (ours)
 * 100 a minute, ChiefOnboarding none. Offly's body is tested end to end in OfflyDocumentedApiIntegrationTests.
 */
class ApiRateLimitsTests {

    private final RateLimitProperties documented = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("onboarding.api.rate-limits", RateLimitProperties.class);
    private final ApiRateLimits limits = new ApiRateLimits(documented);

    @Test
    void theDefaultsAreTheDocumentedRates() {
        assertThat(documented.enabled()).isTrue();
        assertThat(documented.workeloRequests()).isEqualTo(1000);
        assertThat(documented.workeloWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(documented.bridgeRequests()).isEqualTo(5);
        assertThat(documented.bridgeWindow()).isEqualTo(Duration.ofSeconds(1));
        assertThat(documented.offlyRequests()).isEqualTo(100);
        assertThat(documented.offlyWindow()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void bridgeRefusesTheSixthRequestOfASecondWithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            assertThat(allowed("POST", "/api/admin/users", "token-a")).isTrue();
        }
        assertThatThrownBy(() -> allowed("DELETE", "/api/admin/users/7", "token-a"))
                .isInstanceOfSatisfying(RateLimited.class, refused -> {
                    assertThat(refused.getStatusCode().value()).isEqualTo(429);
                    assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                    assertThat(refused.getBody().getDetail()).contains("Bridge allows 5 requests per second per token");
                });
        // another token has its own allowance
        assertThat(allowed("POST", "/api/admin/users", "token-b")).isTrue();
    }

    @Test
    void workeloCountsItsRoutesAtTheRootAndUnderV1TogetherUpTo1000AnHour() {
        for (int i = 0; i < 1000; i++) {
            assertThat(allowed("GET", i % 2 == 0 ? "/employees" : "/v1/tracks/3", "token-w")).isTrue();
        }
        assertThatThrownBy(() -> allowed("GET", "/v1/employees", "token-w"))
                .isInstanceOfSatisfying(RateLimited.class, refused -> assertThat(
                        Long.parseLong(refused.getHeaders().getFirst("Retry-After"))).isBetween(1L, 3600L));
        // ChiefOnboarding documents no limit, Offly counts apart: the same token goes on there
        assertThat(allowed("GET", "/api/employees/", "token-w")).isTrue();
        assertThat(allowed("GET", "/api/v1/users", "token-w")).isTrue();
    }

    @Test
    void aRequestTheTokenFilterDidNotLetInIsNotCounted() throws Exception {
        for (int i = 0; i < 10; i++) {
            MockHttpServletRequest anonymous = new MockHttpServletRequest("POST", "/api/admin/users");
            anonymous.addHeader("Authorization", "Bearer token-x");
            limits.preHandle(anonymous, new MockHttpServletResponse(), new Object());
        }
        assertThat(allowed("POST", "/api/admin/users", "token-x")).isTrue();
    }

    private boolean allowed(String method, String path, String token) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Authorization", "Bearer " + token);
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, new Caller(1, "admin@example.com", EmployeeRole.ADMIN));
        return limits.preHandle(request, new MockHttpServletResponse(), new Object());
    }
}
