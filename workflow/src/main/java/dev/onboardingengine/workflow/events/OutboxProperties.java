package dev.onboardingengine.workflow.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How incomplete outbox publications are retried, and when the backlog counts as far behind.
 *
 * @param resubmitInterval how often this node looks for incomplete publications
 * @param resubmitOlderThan only publications at least this old are resubmitted, so a publication
 *     still in flight on another node is left alone (resubmitting it anyway is harmless: consumers
 *     are idempotent, but it costs a duplicate record)
 * @param backlogMaxAge the outbox health is OUT_OF_SERVICE once its oldest incomplete publication is
 *     older than this: with the defaults that is some 28 resubmission rounds that all failed, far
 *     beyond a broker restart or a rebalance
 * @param backlogMaxPending ... or once more publications than this are owed, whatever their age
 */
@ConfigurationProperties("onboarding.outbox")
public record OutboxProperties(
        @DefaultValue("30s") Duration resubmitInterval,
        @DefaultValue("1m") Duration resubmitOlderThan,
        @DefaultValue("15m") Duration backlogMaxAge,
        @DefaultValue("10000") long backlogMaxPending) {
}
