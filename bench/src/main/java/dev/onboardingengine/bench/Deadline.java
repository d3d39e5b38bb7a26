package dev.onboardingengine.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** Every wait of the harness is bounded in time and polls at a fixed pace. */
final class Deadline {

    private Deadline() {
    }

    /**
     * Polls {@code done} until {@code target} is reached or {@code timeout} passes, saying how far it
     * got every few seconds. Returns whether the target was reached.
     */
    static boolean await(String what, long target, LongSupplier done, Duration timeout, Duration poll) {
        long end = System.nanoTime() + timeout.toNanos();
        long nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long current = 0;
        while (System.nanoTime() < end) {
            current = done.getAsLong();
            if (current >= target) {
                return true;
            }
            if (System.nanoTime() > nextReport) {
                Progress.say("  %s: %d/%d", what, current, target);
                nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
            sleep(poll);
        }
        Progress.say("  %s: gave up at %d/%d after %s", what, current, target, timeout);
        return false;
    }

    static boolean await(BooleanSupplier condition, Duration timeout, Duration poll) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(poll);
        }
        return false;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
