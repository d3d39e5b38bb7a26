package dev.onboardingengine.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.core.KafkaAdmin;

import dev.onboardingengine.workflow.testing.TestBroker;

/** The broker's health: UP against a real broker, DOWN within its timeout when nothing listens. */
class BrokerHealthIndicatorTests {

    @Test
    void isUpWhenTheBrokerAnswers() {
        BrokerHealthIndicator indicator = indicator(TestBroker.get().bootstrapServers());
        try {
            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("nodes", 1).containsKey("clusterId");
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void isDownWithinItsTimeoutWhenNoBrokerListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BrokerHealthIndicator indicator = indicator("127.0.0.1:" + closedPort);
        try {
            long started = System.nanoTime();
            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            indicator.destroy();
        }
    }

    private static BrokerHealthIndicator indicator(String bootstrapServers) {
        KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        return new BrokerHealthIndicator(admin, Duration.ofSeconds(1));
    }
}
