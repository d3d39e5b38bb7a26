package dev.onboardingengine.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.RawHttp;
import dev.onboardingengine.api.RawHttp.Answer;

/** {@code GET /error} asked for directly is a 404, not Spring Boot's 500 with status 999; real errors are unchanged. */
@ApiIntegrationTest
class ErrorEndpointIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theErrorPathCalledDirectlyIsNotFound() {
        RawHttp http = new RawHttp(port);

        Answer anonymous = http.send("GET", "/error", null, null, null, null);
        Answer admin = http.asAdmin("GET", "/error", null);
        Answer posted = http.asAdmin("POST", "/error", "{}");
        Answer html = http.send("GET", "/error", null, null, "text/html", null);

        for (Answer answer : new Answer[]{anonymous, admin, posted}) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json()).containsEntry("status", 404).containsEntry("error", "Not Found");
        }
        assertThat(html.status()).isEqualTo(404);
    }

    @Test
    void anUnknownRouteIsStillNotFound() {
        RawHttp http = new RawHttp(port);

        Answer unknown = http.asAdmin("GET", "/no-such-route-" + System.nanoTime(), null);

        assertThat(unknown.status()).isEqualTo(404);
    }
}
