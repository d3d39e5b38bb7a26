package dev.onboardingengine.api.local;

import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.modulith.NamedInterface;

import dev.onboardingengine.workflow.broker.LocalKafkaBroker;

/**
 * The embedded default's broker: when no Kafka is configured, an in-process single-node KRaft broker
 * starts before the application context (so every Kafka client sees its address from the start)
 * and stops after every bean of it. Its log lives under {@code onboarding.kafka.embedded.data-dir}, so unconsumed
 * records and consumer offsets survive a restart.
 */
@NamedInterface("boot")
public class EmbeddedKafka implements GenericApplicationListener {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private LocalKafkaBroker broker;

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = eventType.getRawClass();
        return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ApplicationPreparedEvent.class.isAssignableFrom(type)
                || ApplicationFailedEvent.class.isAssignableFrom(type));
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            startIfNoBrokerConfigured(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent prepared && broker != null) {
            // Stopped as the context's first-registered disposable bean, so after everything else:
            // the Kafka consumers leave their groups before the broker goes. Stopping it on
            // ContextClosedEvent (before the listener containers stop) left ghost members that held
            // up partition assignment for a session timeout (~45 s) after every restart.
            LocalKafkaBroker started = broker;
            ((DefaultSingletonBeanRegistry) prepared.getApplicationContext().getBeanFactory())
                    .registerDisposableBean("embeddedKafkaBroker", started::close);
        } else if (event instanceof ApplicationFailedEvent && broker != null) {
            broker.close();
        }
    }

    /** Whether this environment asks for the in-process broker: enabled, and no Kafka configured. */
    static boolean willStart(ConfigurableEnvironment environment) {
        boolean enabled = environment.getProperty("onboarding.kafka.embedded.enabled", Boolean.class, true);
        boolean configured = environment.containsProperty("spring.kafka.bootstrap-servers")
                || environment.containsProperty("KAFKA_BOOTSTRAP_SERVERS");
        return enabled && !configured;
    }

    private void startIfNoBrokerConfigured(ConfigurableEnvironment environment) {
        if (!willStart(environment) || broker != null) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("onboarding.kafka.embedded.data-dir", "./data/kafka"));
        int port = environment.getProperty("onboarding.kafka.embedded.port", Integer.class, 9092);
        long started = System.nanoTime();
        broker = LocalKafkaBroker.start(dataDir, port);
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedKafka",
                Map.of("spring.kafka.bootstrap-servers", broker.bootstrapServers())));
        log.info("Embedded Kafka broker (KRaft, single node) at {} with its log in {}, up in {} ms",
                broker.bootstrapServers(), dataDir.toAbsolutePath().normalize(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
