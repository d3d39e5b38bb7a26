package dev.onboardingengine.api.webhook;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Host names that a test makes resolve to addresses of its choice (loopback ones only), as a DNS server
 * it controlled would; every other name goes to the system's resolver. Replaces the engine's
 * {@link HostResolver}, the one place webhook deliveries and subscriptions resolve names.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestHostNames {

    private final Map<String, List<InetAddress>> names = new ConcurrentHashMap<>();

    /** From now on {@code host} resolves to {@code loopbackAddress}. */
    void answer(String host, String loopbackAddress) {
        InetAddress address = Network.literal(loopbackAddress);
        if (address == null || !address.isLoopbackAddress()) {
            throw new IllegalArgumentException("tests resolve names to loopback addresses only: " + loopbackAddress);
        }
        names.put(host.toLowerCase(Locale.ROOT), List.of(address));
    }

    void forget(String host) {
        names.remove(host.toLowerCase(Locale.ROOT));
    }

    @Bean
    @Primary
    HostResolver testHostResolver(HostResolver.SystemResolver system) {
        return host -> {
            List<InetAddress> answer = names.get(host.toLowerCase(Locale.ROOT));
            return answer != null ? answer : system.resolve(host);
        };
    }
}
