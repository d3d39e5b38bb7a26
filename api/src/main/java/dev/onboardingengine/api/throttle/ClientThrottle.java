package dev.onboardingengine.api.throttle;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * At most {@code capacity} of something per client address in any {@code window} (a Bucket4j token
 * bucket per client, refilled evenly over the window). The buckets live in a bounded Caffeine
 * cache: a client not seen for a window has a full bucket anyway, so forgetting it changes nothing;
 * past {@value #MAX_CLIENTS} clients at once the least recent are forgotten first.
 */
public final class ClientThrottle {

    static final int MAX_CLIENTS = 100_000;

    private final long capacity;
    private final Duration window;
    private final Cache<String, Bucket> buckets;

    public ClientThrottle(long capacity, Duration window) {
        if (capacity < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a throttle needs a capacity of at least 1 and a positive window");
        }
        this.capacity = capacity;
        this.window = window;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(window).build();
    }

    /** Takes one from the client's allowance; empty when there is none left, with the time until there is. */
    public Attempt tryAcquire(String client) {
        ConsumptionProbe probe = bucketOf(client).tryConsumeAndReturnRemaining(1);
        return new Attempt(probe.isConsumed(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Gives back what {@link #tryAcquire} took, for an attempt that turned out not to count (a login that succeeded). */
    public void refund(String client) {
        bucketOf(client).addTokens(1);
    }

    private Bucket bucketOf(String client) {
        return buckets.get(client, any -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build()).build());
    }

    /** @param retryAfter when refused, how long until the client may try again */
    public record Attempt(boolean allowed, Duration retryAfter) {

        /** Whole seconds for a {@code Retry-After} header, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
