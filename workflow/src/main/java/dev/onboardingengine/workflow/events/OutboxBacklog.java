package dev.onboardingengine.workflow.events;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.ToDoubleFunction;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What the outbox still owes Kafka: the incomplete event publications. Exposed as the gauges
 * {@code onboarding.outbox.pending} and {@code onboarding.outbox.oldest.age} (seconds) and as the
 * health component {@code outbox}: UP while events flow, OUT_OF_SERVICE when far behind (see
 * {@link OutboxProperties#backlogMaxAge()} and {@link OutboxProperties#backlogMaxPending()}).
 * A backlog of a few seconds is normal (publication happens after commit); a broker outage grows
 * it, and it drains by itself once the broker is back, so only a long one is worth an alarm.
 * OUT_OF_SERVICE rather than DOWN: the node still accepts hires and keeps their events safe.
 */
@Component("outboxHealthIndicator")
class OutboxBacklog implements HealthIndicator {

    private final JdbcClient jdbc;
    private final OutboxProperties properties;

    OutboxBacklog(JdbcClient jdbc, OutboxProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.properties = properties;
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        Gauge.builder("onboarding.outbox.pending", this, backlog -> backlog.orNaN(Backlog::pending))
                .description("Event publications not yet acknowledged by the broker").register(registry);
        Gauge.builder("onboarding.outbox.oldest.age", this,
                backlog -> backlog.orNaN(b -> b.oldestAge().toMillis() / 1000.0))
                .description("Age of the oldest event publication not yet acknowledged by the broker")
                .baseUnit("seconds").register(registry);
    }

    record Backlog(long pending, Duration oldestAge) {
    }

    Backlog current() {
        return jdbc.sql("select count(*), min(publication_date) from event_publication where completion_date is null")
                .query((rs, row) -> {
                    OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                    return new Backlog(rs.getLong(1),
                            oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), Instant.now()));
                })
                .single();
    }

    @Override
    public Health health() {
        Backlog backlog = current();
        boolean tooOld = backlog.oldestAge().compareTo(properties.backlogMaxAge()) > 0;
        boolean tooMany = backlog.pending() > properties.backlogMaxPending();
        return Health.status(tooOld || tooMany ? Status.OUT_OF_SERVICE : Status.UP)
                .withDetail("pending", backlog.pending())
                .withDetail("oldestPendingAge", backlog.oldestAge().truncatedTo(ChronoUnit.SECONDS).toString())
                .withDetail("maxAge", properties.backlogMaxAge().toString())
                .withDetail("maxPending", properties.backlogMaxPending())
                .build();
    }

    private double orNaN(ToDoubleFunction<Backlog> value) {
        try {
            return value.applyAsDouble(current());
        } catch (RuntimeException databaseUnavailable) {
            // A scrape must not fail because the database is briefly away; the datasource health says why.
            return Double.NaN;
        }
    }
}
