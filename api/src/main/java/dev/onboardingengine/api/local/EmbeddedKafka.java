package dev.onboardingengine.api.local;

import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import dev.onboardingengine.workflow.broker.LocalKafkaBroker;

/**
 * The embedded default's broker: when no Kafka is configured, an in-process single-node KRaft broker
 * starts before the application context (so every Kafka client sees its address from the start)
 * and stops after it. Its log lives under {@code onboarding.kafka.embedded.data-dir}, so unconsumed
 * records and consumer offsets survive a restart.
 */
public class EmbeddedKafka implements GenericApplicationListener {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private LocalKafkaBroker broker;

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = eventType.getRawClass();
        return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ContextClosedEvent.class.isAssignableFrom(type));
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            startIfNoBrokerConfigured(prepared.getEnvironment());
        } else if (event instanceof ContextClosedEvent && broker != null) {
            broker.close();
            broker = null;
        }
    }

    private void startIfNoBrokerConfigured(ConfigurableEnvironment environment) {
        boolean enabled = environment.getProperty("onboarding.kafka.embedded.enabled", Boolean.class, true);
        boolean configured = environment.containsProperty("spring.kafka.bootstrap-servers")
                || environment.containsProperty("KAFKA_BOOTSTRAP_SERVERS");
        if (!enabled || configured || broker != null) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("onboarding.kafka.embedded.data-dir", "./data/kafka"));
        int port = environment.getProperty("onboarding.kafka.embedded.port", Integer.class, 9092);
        long started = System.nanoTime();
        broker = LocalKafkaBroker.start(dataDir, port);
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedKafka",
                Map.of("spring.kafka.bootstrap-servers", broker.bootstrapServers())));
        log.info("Embedded Kafka broker (KRaft, single node) at {} with its log in {}, up in {} ms",
                broker.bootstrapServers(), dataDir.toAbsolutePath().normalize(), (System.nanoTime() - started) / 1_000_000);
    }
}
