package dev.onboardingengine.api.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Turns a webhook URL's host name into addresses. The system's resolver in production; tests replace the
 * bean to make a name resolve to what they need (a loopback address) without touching DNS.
 */
interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    @Component
    class SystemResolver implements HostResolver {

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            return Arrays.asList(InetAddress.getAllByName(host));
        }
    }
}
