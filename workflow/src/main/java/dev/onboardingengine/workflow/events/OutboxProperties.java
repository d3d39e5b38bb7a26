package dev.onboardingengine.workflow.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How incomplete outbox publications are retried.
 *
 * @param resubmitInterval how often this node looks for incomplete publications
 * @param resubmitOlderThan only publications at least this old are resubmitted, so a publication
 *     still in flight on another node is left alone (resubmitting it anyway is harmless: consumers
 *     are idempotent, but it costs a duplicate record)
 */
@ConfigurationProperties("onboarding.outbox")
public record OutboxProperties(
        @DefaultValue("30s") Duration resubmitInterval,
        @DefaultValue("1m") Duration resubmitOlderThan) {
}
