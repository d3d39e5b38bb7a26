package dev.onboardingengine.api.hire;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code onboarding.hires.received}: every hire request, tagged with its channel and outcome. */
@Component
class HireCounts {

    private final MeterRegistry meters;

    HireCounts(MeterRegistry meters) {
        this.meters = meters;
    }

    void rejected(HireChannel channel) {
        received(channel, "rejected").increment();
    }

    /** Counted once the hire is committed: a rolled-back attempt that is retried must not count twice. */
    void afterCommit(HireChannel channel, HireReceipt.Outcome outcome) {
        Counter counter = received(channel, outcome.name().toLowerCase(Locale.ROOT));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    private Counter received(HireChannel channel, String outcome) {
        return Counter.builder("onboarding.hires.received")
                .description(
                        "Hire requests received, by channel (rest, kafka) and outcome (created, updated, unchanged, rejected)")
                .tag("channel", channel.tag())
                .tag("outcome", outcome)
                .register(meters);
    }
}
