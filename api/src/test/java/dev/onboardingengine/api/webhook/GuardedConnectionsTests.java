package dev.onboardingengine.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The last line of the address rules: the HTTP client's DNS and sockets. On loopback only: 127.0.0.1 is
 * allowed as in the integration tests, 127.0.0.2 stands for a refused address and has a listener, which
 * must never see a connection.
 */
class GuardedConnectionsTests {

    private final DestinationRules rules = new DestinationRules(List.of("127.0.0.1/32"));

    @Test
    void aSocketRefusesARefusedAddressBeforeConnectingAndConnectsToAnAllowedOne() throws Exception {
        try (ServerSocket forbidden = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"));
                ServerSocket allowed = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            forbidden.setSoTimeout(500);

            // When the client's socket factory connects to each (an IP-literal URL reaches it without DNS)
            Socket refused = GuardedConnections.sockets(rules).createSocket();
            assertThatThrownBy(
                    () -> refused.connect(new InetSocketAddress("127.0.0.2", forbidden.getLocalPort()), 1000))
                    .isInstanceOf(RefusedDestination.class).hasMessageContaining("127.0.0.2 is loopback");
            try (Socket connected = GuardedConnections.sockets(rules).createSocket("127.0.0.1",
                    allowed.getLocalPort())) {
                assertThat(connected.isConnected()).isTrue();
            }

            // Then the refused address never saw a connection
            assertThatThrownBy(forbidden::accept).isInstanceOf(java.net.SocketTimeoutException.class);
            assertThat(refused.isClosed()).isTrue();
        }
    }

    @Test
    void theDnsRefusesANameIfAnyOfItsAddressesIsRefused() throws Exception {
        HostResolver resolver = host -> switch (host) {
            case "ok.test" -> List.of(InetAddress.getByName("127.0.0.1"));
            case "mixed.test" -> List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2"));
            default -> throw new UnknownHostException(host);
        };

        assertThat(GuardedConnections.dns(resolver, rules).lookup("ok.test")).extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1");
        assertThatThrownBy(() -> GuardedConnections.dns(resolver, rules).lookup("mixed.test"))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("mixed.test resolves to 127.0.0.2, loopback: not allowed");
    }
}
