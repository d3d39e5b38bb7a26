package dev.onboardingengine.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.RawHttp;
import dev.onboardingengine.api.RawHttp.Answer;
import dev.onboardingengine.api.dialect.offly.OfflyAnswers;

/**
 * A field named like one of RFC 7807's members ({@code ?status=bogus}) no longer gives the problem two
 * {@code status} keys: its messages are under {@code "field:status"}, and {@code status} stays the HTTP
 * status. {@link RawHttp.Answer#json()} reads with duplicate detection, so two keys fail the test.
 */
@ApiIntegrationTest
class ProblemMembersIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aStatusFilterErrorKeepsStatusTheHttpStatus() {
        RawHttp http = new RawHttp(port);

        for (String path : List.of("/tracks?status=bogus",
                "/tracks/1/forms?status=bogus", "/tracks/1/documents?status=bogus")) {
            Answer answer = http.asAdmin("GET", path, null);

            assertThat(answer.status()).as(path).isIn(400, 404);
            if (answer.status() == 400) {
                assertThat(answer.json()).as(path).containsEntry("status", 400)
                        .containsEntry("field:status", List.of("\"bogus\" is not a valid choice."))
                        .containsEntry("detail", "status: \"bogus\" is not a valid choice.");
            }
        }
        // Offly's error body has no status member to shadow
        Answer offly = http.asAdmin("GET", "/api/v1/users?status=bogus", null);
        assertThat(offly.status()).isEqualTo(400);
        assertThat(OfflyAnswers.fields(offly.json())).containsEntry("status",
                List.of("\"bogus\" is not a valid choice."));
        assertThat(http.asAdmin("GET", "/tracks?status=bogus", null).status()).isEqualTo(400);
    }
}
