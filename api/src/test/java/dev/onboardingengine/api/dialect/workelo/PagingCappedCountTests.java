package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The capped X-Total-Count of GET /tracks: exact below the cap, and never a number that was not counted. */
class PagingCappedCountTests {

    @BeforeEach
    void aRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tracks");
        request.setQueryString("status=in_progress");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void givenFewerTracksThanTheCap_whenHeadersAreMade_thenTheCountIsExactAndNotMarkedCapped() {
        Paging paging = new Paging(50, 0);

        HttpHeaders headers = paging.cappedHeaders(120);

        assertThat(paging.cappedCountLimit()).isEqualTo(10_001);
        assertThat(headers.getFirst("X-Total-Count")).isEqualTo("120");
        assertThat(headers.containsKey(Paging.TOTAL_COUNT_CAPPED)).isFalse();
        assertThat(headers.getFirst(HttpHeaders.LINK)).contains("offset=50").contains("rel=\"next\"");
    }

    @Test
    void givenExactlyTheCap_whenHeadersAreMade_thenItIsStillExact() {
        HttpHeaders headers = new Paging(50, 9_950).cappedHeaders(10_000);

        assertThat(headers.getFirst("X-Total-Count")).isEqualTo("10000");
        assertThat(headers.containsKey(Paging.TOTAL_COUNT_CAPPED)).isFalse();
        assertThat(headers.getFirst(HttpHeaders.LINK)).doesNotContain("rel=\"next\"");
    }

    @Test
    void givenMoreTracksThanTheCap_whenHeadersAreMade_thenTheCapIsSentAndSaidToBeCapped() {
        Paging paging = new Paging(50, 9_950);

        HttpHeaders headers = paging.cappedHeaders(paging.cappedCountLimit());

        assertThat(headers.getFirst("X-Total-Count")).isEqualTo("10000");
        assertThat(headers.getFirst(Paging.TOTAL_COUNT_CAPPED)).isEqualTo("true");
        assertThat(headers.getFirst(HttpHeaders.LINK)).contains("offset=10000").contains("rel=\"next\"")
                .contains("offset=9900").contains("rel=\"prev\"");
    }

    @Test
    void givenAPagePastTheCap_whenHeadersAreMade_thenTheCountReachesThePagesEndAndTheNextPageIsKnown() {
        Paging paging = new Paging(200, 20_000);

        assertThat(paging.cappedCountLimit()).isEqualTo(20_201);
        HttpHeaders capped = paging.cappedHeaders(20_201);
        HttpHeaders exact = paging.cappedHeaders(20_150);

        assertThat(capped.getFirst("X-Total-Count")).isEqualTo("20200");
        assertThat(capped.getFirst(Paging.TOTAL_COUNT_CAPPED)).isEqualTo("true");
        assertThat(capped.getFirst(HttpHeaders.LINK)).contains("offset=20200").contains("rel=\"next\"");
        assertThat(exact.getFirst("X-Total-Count")).isEqualTo("20150");
        assertThat(exact.containsKey(Paging.TOTAL_COUNT_CAPPED)).isFalse();
        assertThat(exact.getFirst(HttpHeaders.LINK)).doesNotContain("rel=\"next\"");
    }
}
