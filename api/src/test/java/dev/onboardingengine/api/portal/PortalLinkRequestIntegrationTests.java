package dev.onboardingengine.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.LoopbackClient;
import dev.onboardingengine.api.notification.OwnMailContext;
import dev.onboardingengine.workflow.testing.EngineClock;

import jakarta.mail.internet.MimeMessage;

/**
 * A person whose link expired asks for a new one on {@code /portal/new-link}, on a real SMTP server:
 * an active hire gets a working link by mail (sent after the answer), at most one a minute; an unknown
 * address gets the same page and no mail; a client address asking too often is told to wait.
 */
@ApiIntegrationTest
@DirtiesContext
class PortalLinkRequestIntegrationTests {

    private static final String TOPICS = "link-test-" + UUID.randomUUID();
    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/portal/[A-Za-z0-9_-]{43}");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServerAndOwnTopics(DynamicPropertyRegistry registry) {
        OwnMailContext.register(registry, smtp, TOPICS);
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    RepositoryService repository;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void anActiveHireGetsAFreshLinkByMailAndAnUnknownAddressTheSamePage() throws Exception {
        Instant now = Instant.parse("2026-05-01T08:00:00Z");
        EngineClock.moveTo(now);
        PortalJourneys.Journey journey = new PortalJourneys(port, objectMapper, repository, management, runtime)
                .started("Ines", null);
        RestClient web = RestClient.create("http://localhost:" + port);
        assertThat(web.get().uri("/portal/new-link").retrieve().body(String.class)).contains("Mail me a link");

        // When the hire asks for a link
        String answer = ask(web, journey.hireEmail());

        // Then one mail brings it (sent after the answer), and it opens her page
        assertThat(answer).contains("Check your mail.");
        java.util.List<MimeMessage> received = await().atMost(Duration.ofSeconds(30))
                .until(() -> linksMailedTo(journey.hireEmail()), mails -> !mails.isEmpty());
        assertThat(received).hasSize(1);
        Matcher link = LINK.matcher(GreenMailUtil.getBody(received.get(0)));
        assertThat(link.find()).isTrue();
        assertThat(web.get().uri(link.group()).retrieve().body(String.class))
                .contains("<span>Ines</span>", "data-test=\"journey\"");

        // When she asks again within the minute, nothing more is sent; a minute later, a new one is
        ask(web, journey.hireEmail());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> linksMailedTo(journey.hireEmail()).size() == 1);
        EngineClock.moveTo(now.plusSeconds(61));
        ask(web, journey.hireEmail());
        await().atMost(Duration.ofSeconds(30)).until(() -> linksMailedTo(journey.hireEmail()).size() == 2);

        // And an address nobody has gets the same page, and no mail
        String unknown = "nobody." + UUID.randomUUID() + "@example.com";
        int before = smtp.getReceivedMessages().length;
        assertThat(ask(web, unknown).replace(unknown, "EMAIL")).isEqualTo(answer.replace(journey.hireEmail(), "EMAIL"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> smtp.getReceivedMessages().length == before);
    }

    @Test
    void aClientAddressThatAsksForTooManyLinksIsToldToWaitWhateverTheAddresses() {
        // Given a client that asked for ten links, for ten addresses nobody has
        LoopbackClient client = new LoopbackClient("127.0.0.41", port);
        for (int n = 0; n < 10; n++) {
            assertThat(askFrom(client, "nobody." + n + "." + UUID.randomUUID() + "@example.com").status())
                    .isEqualTo(200);
        }

        // When it asks once more, it is told to wait, and nothing is looked up or sent
        LoopbackClient.Response refused = askFrom(client, "nobody.more@example.com");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().get("retry-after"))).isPositive();
        assertThat(refused.body()).contains("Please wait a little.").doesNotContain("nobody.more@example.com");

        // And another client is not affected
        assertThat(askFrom(new LoopbackClient("127.0.0.42", port), "nobody@example.com").status()).isEqualTo(200);
    }

    private static LoopbackClient.Response askFrom(LoopbackClient client, String email) {
        return client.post("/portal/new-link", java.util.Map.of(), "application/x-www-form-urlencoded",
                "email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The link mails (not the journey's invitation) that went to this address. */
    private static java.util.List<MimeMessage> linksMailedTo(String email) throws Exception {
        java.util.List<MimeMessage> mails = new java.util.ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if ("Your onboarding page".equals(mail.getSubject())
                    && GreenMailUtil.getAddressList(mail.getAllRecipients()).contains(email)) {
                mails.add(mail);
            }
        }
        return mails;
    }

    private static String ask(RestClient web, String email) {
        return web.post().uri("/portal/new-link").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8))
                .retrieve().body(String.class);
    }
}
