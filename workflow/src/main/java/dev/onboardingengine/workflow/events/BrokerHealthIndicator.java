package dev.onboardingengine.workflow.events;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The health component {@code broker}: UP when the Kafka cluster answers a describeCluster within
 * {@code onboarding.kafka.health-timeout} (2 s by default), DOWN otherwise. While it is DOWN hires
 * are still accepted and their events wait in the outbox (see {@link OutboxBacklog}). One admin
 * client is kept for the life of the context, so a health check costs one request, not a connection.
 */
@Component
class BrokerHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final KafkaAdmin kafkaAdmin;
    private final Duration timeout;
    private Admin admin;

    BrokerHealthIndicator(KafkaAdmin kafkaAdmin, @Value("${onboarding.kafka.health-timeout:2s}") Duration timeout) {
        super("Kafka broker health check failed");
        this.kafkaAdmin = kafkaAdmin;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin()
                .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        // A little beyond the request's own timeout, so the request's own error is the one reported.
        long waitMs = timeout.toMillis() + 500;
        String clusterId = cluster.clusterId().get(waitMs, TimeUnit.MILLISECONDS);
        int nodes = cluster.nodes().get(waitMs, TimeUnit.MILLISECONDS).size();
        builder.status(nodes > 0 ? Status.UP : Status.DOWN)
                .withDetail("clusterId", clusterId)
                .withDetail("nodes", nodes);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
