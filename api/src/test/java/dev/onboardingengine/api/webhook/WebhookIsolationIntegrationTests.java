package dev.onboardingengine.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.onboardingengine.api.ApiIntegrationTest;

/**
 * One slow subscriber beside a fast one, the case: a receiver that takes 8 s to answer each
 * request delays only its own deliveries. The fast one's deliveries all complete while the slow one is
 * still holding its first request (no timing bound is asserted beyond that: the machine is shared), and
 * the slow one still gets its events one at a time, in order. Its own class: it waits for the slow
 * receiver (about 25 s). A second dispatcher beside the context's own stands for a second node.
 */
@ApiIntegrationTest
class WebhookIsolationIntegrationTests {

    private static final Duration SLOW_ANSWER = Duration.ofSeconds(8);
    private static final int EVENTS = 3;
    private static final Logger log = LoggerFactory.getLogger(WebhookIsolationIntegrationTests.class);

    @LocalServerPort
    int port;

    @Autowired
    WebhookSubscriptions subscriptions;

    @Autowired
    WebhookDeliveries deliveries;

    @Autowired
    WebhookSender sender;

    @Autowired
    WebhookProperties properties;

    private WebhookApi api;
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger slowAnswered = new AtomicInteger();
    private final AtomicInteger slowInFlight = new AtomicInteger();
    private final AtomicInteger slowMostAtOnce = new AtomicInteger();
    private LoopbackReceiver slow;
    private LoopbackReceiver fast;

    @BeforeEach
    void startReceivers() {
        api = new WebhookApi(port);
        slow = LoopbackReceiver.on127001(request -> {
            slowMostAtOnce.accumulateAndGet(slowInFlight.incrementAndGet(), Math::max);
            try {
                released.await(SLOW_ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slowInFlight.decrementAndGet();
            slowAnswered.incrementAndGet();
            return LoopbackReceiver.Answer.ok();
        });
        fast = LoopbackReceiver.on127001(request -> LoopbackReceiver.Answer.ok());
    }

    @AfterEach
    void stopReceivers() {
        released.countDown();
        api.close();
        slow.close();
        fast.close();
    }

    @Test
    void aSlowSubscriberDelaysOnlyItselfAndStillGetsItsEventsInOrder() {
        // Given a subscriber that answers after 8 s, subscribed first, and a fast one
        long slowHook = WebhookApi.id(api.subscribe(slow.url("/slow"), List.of("new-hire-created"), null));
        long fastHook = WebhookApi.id(api.subscribe(fast.url("/fast"), List.of("new-hire-created"), null));

        // When three hires are created
        List<Long> hires = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            hires.add(api.hire());
        }

        // Then the fast subscriber has all three delivered while the slow one has not answered its first yet
        await().atMost(WebhookApi.EVENTUALLY).until(() -> api.deliveries(fastHook).stream()
                .filter(d -> "delivered".equals(d.get("status"))).count() == EVENTS);
        assertThat(slowAnswered).as("requests the slow receiver answered before the fast one had all").hasValue(0);
        assertThat(fast.received()).extracting(LoopbackReceiver.Received::employeeId).containsExactlyElementsOf(hires);
        List<Long> fastTook = new ArrayList<>();
        for (Map<String, Object> delivery : api.deliveries(fastHook)) {
            Duration took = Duration.between(Instant.parse((String) delivery.get("created_at")),
                    Instant.parse((String) delivery.get("delivered_at")));
            assertThat(took).as("fast delivery %s", delivery.get("id")).isLessThan(SLOW_ANSWER);
            fastTook.add(took.toMillis());
        }

        // And the slow subscriber gets its three, one request at a time, in the order the hires were made
        await().atMost(SLOW_ANSWER.multipliedBy(EVENTS + 2)).until(() -> api.deliveries(slowHook).stream()
                .filter(d -> "delivered".equals(d.get("status"))).count() == EVENTS);
        assertThat(slow.received()).extracting(LoopbackReceiver.Received::employeeId).containsExactlyElementsOf(hires);
        assertThat(slowMostAtOnce).hasValue(1);
        List<Long> slowTook = api.deliveries(slowHook).stream().map(d -> Duration.between(
                Instant.parse((String) d.get("created_at")), Instant.parse((String) d.get("delivered_at"))).toMillis())
                .toList();
        log.info(
                "WEBHOOK ISOLATION: fast subscriber's deliveries took {} ms (event committed to 2xx), the 8 s one's {} ms",
                fastTook, slowTook);
    }

    @Test
    void twoNodesSendingTheSameSubscriptionsSendEachEventOnceAndInOrder() {
        // Given a second dispatcher on the same database, as a second engine node would run
        WebhookDispatcher secondNode = new WebhookDispatcher(subscriptions, deliveries, sender, properties);
        secondNode.start();
        try {
            long one = WebhookApi.id(api.subscribe(fast.url("/one"), List.of("new-hire-created"), null));
            long two = WebhookApi.id(api.subscribe(fast.url("/two"), List.of("new-hire-created"), null));

            // When hires are created
            List<Long> hires = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                hires.add(api.hire());
            }

            // Then each subscription gets every event exactly once, in the order the hires were made
            await().atMost(WebhookApi.EVENTUALLY)
                    .until(() -> List.of(one, two).stream().allMatch(hook -> api.deliveries(hook).stream()
                            .filter(d -> "delivered".equals(d.get("status"))).count() == hires.size()));
            for (String path : List.of("/one", "/two")) {
                assertThat(fast.received()).filteredOn(r -> r.path().equals(path))
                        .extracting(LoopbackReceiver.Received::employeeId).containsExactlyElementsOf(hires);
            }
            assertThat(api.deliveries(one)).extracting(d -> d.get("attempts")).containsOnly(1);
        } finally {
            secondNode.stop();
        }
    }
}
