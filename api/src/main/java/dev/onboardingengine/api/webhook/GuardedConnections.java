package dev.onboardingengine.api.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import javax.net.SocketFactory;

import okhttp3.Dns;

/**
 * The two places the webhook HTTP client learns where to connect, both checked against the
 * {@link DestinationRules}: the {@link Dns} refuses a name that resolves to any refused address, and
 * the sockets refuse to connect to one, whatever produced it (IP-literal URLs skip DNS). So the address
 * that is checked is the address that is connected to, at each delivery, and a name that answers a
 * public address at subscription and a private one later (DNS rebinding) is refused then.
 */
final class GuardedConnections {

    private GuardedConnections() {
    }

    static Dns dns(HostResolver resolver, DestinationRules rules) {
        return host -> {
            List<InetAddress> addresses = resolver.resolve(host);
            if (addresses.isEmpty()) {
                throw new UnknownHostException(host);
            }
            for (InetAddress address : addresses) {
                var refusal = rules.refusal(address);
                if (refusal.isPresent()) {
                    throw refusedHost(host, address, refusal.get());
                }
            }
            return addresses;
        };
    }

    static SocketFactory sockets(DestinationRules rules) {
        return new SocketFactory() {

            @Override
            public Socket createSocket() {
                return new GuardedSocket(rules);
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return connected(new InetSocketAddress(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                return connected(new InetSocketAddress(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return connected(new InetSocketAddress(host, port));
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                    throws IOException {
                return connected(new InetSocketAddress(address, port));
            }

            private Socket connected(InetSocketAddress endpoint) throws IOException {
                Socket socket = createSocket();
                socket.connect(endpoint);
                return socket;
            }
        };
    }

    private static UnknownHostException refusedHost(String host, InetAddress address, String why) {
        return new UnknownHostException(host + " resolves to " + address.getHostAddress() + ", " + why
                + ": not allowed (ONBOARDING_WEBHOOKS_ALLOWED_NETWORKS)");
    }

    private static final class GuardedSocket extends Socket {

        private final DestinationRules rules;

        GuardedSocket(DestinationRules rules) {
            this.rules = rules;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress inet) || inet.getAddress() == null) {
                throw new RefusedDestination("refused: " + endpoint + " is not a resolved address");
            }
            var refusal = rules.refusal(inet.getAddress());
            if (refusal.isPresent()) {
                close();
                throw new RefusedDestination("refused: " + inet.getAddress().getHostAddress() + " is " + refusal.get()
                        + " (ONBOARDING_WEBHOOKS_ALLOWED_NETWORKS)");
            }
            super.connect(endpoint, timeout);
        }
    }
}
