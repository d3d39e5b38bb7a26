package dev.onboardingengine.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The outbox backlog's health and gauges, on the publication table alone (an in-memory H2). */
class OutboxBacklogTests {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private JdbcClient jdbc;
    private OutboxBacklog backlog;

    @BeforeEach
    void freshPublicationTable() {
        jdbc = JdbcClient
                .create(new DriverManagerDataSource("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        jdbc.sql("""
                create table event_publication (id uuid primary key, listener_id varchar(512), event_type varchar(512),
                    serialized_event varchar(4000), publication_date timestamp with time zone not null,
                    completion_date timestamp with time zone)
                """).update();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("meters", meters);
        backlog = new OutboxBacklog(jdbc, new OutboxProperties(Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofMinutes(15), 3), beans.getBeanProvider(MeterRegistry.class));
    }

    @Test
    void isUpWithAnEmptyOutbox() {
        assertThat(backlog.health().getStatus()).isEqualTo(Status.UP);
        assertThat(backlog.health().getDetails()).containsEntry("pending", 0L);
        assertThat(meters.get("onboarding.outbox.pending").gauge().value()).isZero();
    }

    @Test
    void staysUpWhileRecentEventsWaitAndIgnoresCompletedOnes() {
        publication(OffsetDateTime.now().minusMinutes(5), null);
        publication(OffsetDateTime.now().minusSeconds(2), null);
        publication(OffsetDateTime.now().minusHours(3), OffsetDateTime.now().minusHours(3));

        assertThat(backlog.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get("onboarding.outbox.pending").gauge().value()).isEqualTo(2.0);
        assertThat(meters.get("onboarding.outbox.oldest.age").gauge().value()).isBetween(299.0, 330.0);
    }

    @Test
    void isOutOfServiceWhenTheOldestPendingEventIsOlderThanTheMaximumAge() {
        publication(OffsetDateTime.now().minusMinutes(16), null);

        assertThat(backlog.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void isOutOfServiceWhenMoreEventsWaitThanTheMaximum() {
        for (int i = 0; i < 4; i++) {
            publication(OffsetDateTime.now(), null);
        }

        assertThat(backlog.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void gaugesReadNotANumberRatherThanFailWhenTheDatabaseIsAway() {
        jdbc.sql("drop table event_publication").update();

        assertThat(meters.get("onboarding.outbox.pending").gauge().value()).isNaN();
    }

    private void publication(OffsetDateTime published, OffsetDateTime completed) {
        jdbc.sql(
                """
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date)
                        values (:id, 'listener', 'Event', '{}', :published, :completed)
                        """)
                .param("id", UUID.randomUUID())
                .param("published", published.withOffsetSameInstant(ZoneOffset.UTC))
                .param("completed", completed == null ? null : completed.withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }
}
