package dev.onboardingengine.api.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import dev.onboardingengine.api.secrets.SecretNotReadable;

/**
 * Sends what is due, each subscription on its own: a poller finds the subscriptions whose next delivery
 * is due, leases each one (a row lock in all but name: one node at a time, taken over when a dead
 * node's lease lapses) and hands it to a bounded pool of {@code concurrency} senders. A sender sends
 * that subscription's deliveries one at a time, oldest first, until one fails (it waits for its retry
 * and holds up only the deliveries behind it) or none is due. So a slow or dead receiver delays only
 * its own deliveries, and each receiver gets its events in order.
 *
 * <p>Runs on threads of its own rather than on Spring's shared scheduler: a slow endpoint (up to
 * {@code timeout} per attempt) must not hold up the outbox resubmission that shares it.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    /** Deliveries one sender sends before it gives its place back, so a long backlog does not starve others. */
    private static final int DELIVERIES_PER_TURN = 20;
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final String node = UUID.randomUUID().toString();
    private final Set<Long> sending = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService poller;
    private ExecutorService senders;

    WebhookDispatcher(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, WebhookSender sender,
            WebhookProperties properties) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.sender = sender;
        this.properties = properties;
    }

    private void dispatchDue() {
        int free = properties.concurrency() - sending.size();
        if (free <= 0) {
            return;
        }
        Instant now = Instant.now();
        List<Long> due = deliveries.dueSubscriptions(now, free);
        for (long subscription : due) {
            if (!sending.contains(subscription)
                    && subscriptions.lease(subscription, node, now, now.plus(properties.lease()))) {
                sending.add(subscription);
                senders.execute(() -> sendInOrder(subscription));
            }
        }
    }

    private void sendInOrder(long subscription) {
        try {
            for (int sent = 0; sent < DELIVERIES_PER_TURN; sent++) {
                Optional<WebhookDeliveries.Head> head = deliveries.head(subscription);
                Instant now = Instant.now();
                if (head.isEmpty() || !head.get().isDue(now)
                        || !subscriptions.renewLease(subscription, node, now, now.plus(properties.lease()))) {
                    return;
                }
                if (!attempt(head.get())) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the lease lapses and the attempt is made again later
        } catch (DataAccessException e) {
            log.warn("Could not send the deliveries of webhook {}: {}", subscription, e.getMessage());
        } finally {
            try {
                subscriptions.releaseLease(subscription, node);
            } catch (DataAccessException e) {
                // The lease lapses by itself.
            }
            sending.remove(subscription);
        }
    }

    /** One attempt, recorded; true when it was delivered. */
    private boolean attempt(WebhookDeliveries.Head due) throws InterruptedException {
        int attempt = due.attempts() + 1;
        Instant now = Instant.now();
        WebhookSender.Outcome outcome;
        try {
            outcome = sender.send(due, subscriptions.signingSecrets(due.subscriptionId(), now), now);
        } catch (SecretNotReadable e) {
            outcome = WebhookSender.Outcome.failed(null, "its secret cannot be decrypted: " + e.getMessage());
        }
        if (outcome.delivered()) {
            deliveries.delivered(due.id(), attempt, outcome.statusCode(), Instant.now());
            log.debug("Webhook delivery {} of event {} answered {}", due.id(), due.eventId(), outcome.statusCode());
            return true;
        }
        boolean lastAttempt = attempt >= properties.maxAttempts();
        Instant next = lastAttempt ? null : Instant.now().plus(properties.retryDelayAfter(attempt));
        deliveries.attemptFailed(due.id(), attempt, outcome.statusCode(), outcome.reason(), Instant.now(), next);
        log.warn("Webhook delivery {} of event {} to subscription {} failed (attempt {} of {}): {}{}", due.id(),
                due.eventId(), due.subscriptionId(), attempt, properties.maxAttempts(), outcome.reason(),
                lastAttempt ? "; given up" : "; retried at " + next);
        return false;
    }

    @Override
    public synchronized void start() {
        senders = Executors.newFixedThreadPool(Math.max(1, properties.concurrency()), threads("webhook-sender-"));
        poller = Executors.newSingleThreadScheduledExecutor(threads("webhook-dispatcher-"));
        long interval = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::dispatchSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void dispatchSafely() {
        try {
            dispatchDue();
        } catch (DataAccessException e) {
            // The database may be briefly unavailable; the next poll tries again.
            log.warn("Could not dispatch webhook deliveries: {}", e.getMessage());
        } catch (RuntimeException e) {
            // An uncaught exception would cancel the schedule for good.
            log.warn("Webhook dispatch failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            senders.shutdownNow();
            poller = null;
            senders = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
