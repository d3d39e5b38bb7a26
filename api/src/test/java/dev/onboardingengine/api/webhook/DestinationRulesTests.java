package dev.onboardingengine.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The address rules on address values only: every address here is parsed from a literal and judged,
 * none is ever connected to or looked up in DNS (names resolve through an in-memory table).
 */
class DestinationRulesTests {

    private final DestinationRules closed = new DestinationRules(List.of());

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1            | loopback",
            "127.255.0.9          | loopback",
            "::1                  | loopback",
            "0.0.0.0              | unspecified",
            "::                   | unspecified",
            "10.1.2.3             | private (RFC 1918)",
            "172.16.0.1           | private (RFC 1918)",
            "172.31.255.255       | private (RFC 1918)",
            "192.168.1.1          | private (RFC 1918)",
            "fd12:3456::1         | unique local",
            "fc00::1              | unique local",
            "100.64.0.1           | carrier-grade NAT",
            "100.127.255.254      | carrier-grade NAT",
            "169.254.169.254      | cloud metadata service",
            "fd00:ec2::254        | cloud metadata service",
            "168.63.129.16        | Azure WireServer",
            "169.254.10.10        | link-local",
            "fe80::1              | link-local",
            "224.0.0.1            | multicast",
            "239.255.255.250      | multicast",
            "ff02::1              | multicast",
            "255.255.255.255      | reserved",
            "240.0.0.1            | reserved",
            "192.0.2.10           | documentation",
            "198.51.100.7         | documentation",
            "203.0.113.9          | documentation",
            "2001:db8::1          | documentation",
            "198.18.0.1           | benchmarking",
            "192.0.0.8            | IETF protocol assignments",
            "2001::1              | Teredo",
            "::ffff:10.0.0.1      | private (RFC 1918)",
            "::ffff:169.254.169.254 | cloud metadata service",
            "64:ff9b::a00:1       | NAT64 of an address that is private",
            "64:ff9b::7f00:1      | NAT64 of an address that is loopback",
            "2002:a9fe:a9fe::1    | 6to4 of an address that is a cloud metadata service",
            "::7f00:1             | IPv4-compatible",
            "fec0::1              | site-local",
            "100::1               | discard-only",
            "4000::1              | not a global unicast address"})
    void refusesSpecialAddressesSayingWhatTheyAre(String address, String reason) throws Exception {
        assertThat(closed.refusal(InetAddress.getByName(address))).get().asString().contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.215.14", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
            "2a00:1450:4007:80e::200e", "64:ff9b::808:808", "::ffff:8.8.4.4"})
    void letsGloballyRoutableAddressesThrough(String address) throws Exception {
        assertThat(closed.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void anAllowedNetworkLetsItsAddressesThroughAndNoOthers() throws Exception {
        // Given an administrator who allows one private network and one loopback address
        DestinationRules rules = new DestinationRules(List.of("10.20.0.0/16", " 127.0.0.1/32", "fd12:3456::/32"));

        // Then those pass, their neighbours do not
        assertThat(rules.refusal(InetAddress.getByName("10.20.3.4"))).isEmpty();
        assertThat(rules.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(rules.refusal(InetAddress.getByName("fd12:3456:1::9"))).isEmpty();
        assertThat(rules.refusal(InetAddress.getByName("10.21.0.1"))).get().asString().contains("private");
        assertThat(rules.refusal(InetAddress.getByName("127.0.0.2"))).get().asString().contains("loopback");
        assertThat(rules.refusal(InetAddress.getByName("169.254.169.254"))).get().asString().contains("metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/x", "example.com/8", "localhost", "fd00::/129", "10.0.0/8"})
    void aMalformedAllowedNetworkStopsTheStartNamingIt(String cidr) {
        assertThatThrownBy(() -> new DestinationRules(List.of(cidr))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(cidr);
    }

    @Test
    void aNameIsNeverTakenForAnAddressLiteral() {
        // Network.literal parses literals only: a name comes back null instead of being looked up
        assertThat(Network.literal("localhost")).isNull();
        assertThat(Network.literal("metadata.google.internal")).isNull();
        assertThat(Network.literal("[::1]")).isNotNull();
    }

    @Test
    void aSubscriptionUrlIsCheckedForSchemeCredentialsAndEveryAddressItsHostResolvesTo() {
        // Given the closed default (https only, no special address) and names resolved from a table
        Map<String, List<String>> names = Map.of(
                "hooks.example.com", List.of("93.184.215.14"),
                "metadata.internal.example", List.of("169.254.169.254"),
                "mixed.example", List.of("93.184.215.14", "10.0.0.7"));
        WebhookDestinations destinations = new WebhookDestinations(properties(false), host -> {
            List<String> addresses = names.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses.stream().map(DestinationRulesTests::literal).toList();
        });

        // Then a public https URL passes
        assertThat(destinations.problemWith("https://hooks.example.com/onboarding")).isEmpty();
        // And plain http, credentials, special addresses by literal or by name, and unknown names do not
        assertThat(destinations.problemWith("http://hooks.example.com/onboarding")).get().asString()
                .contains("https URL is required");
        assertThat(destinations.problemWith("https://user:pw@hooks.example.com/")).get().asString()
                .contains("Credentials");
        assertThat(destinations.problemWith("https://169.254.169.254/latest/meta-data")).get().asString()
                .contains("169.254.169.254 is a cloud metadata service");
        assertThat(destinations.problemWith("https://[fd00:ec2::254]/")).get().asString().contains("metadata");
        assertThat(destinations.problemWith("https://metadata.internal.example/")).get().asString()
                .contains("metadata.internal.example resolves to 169.254.169.254");
        assertThat(destinations.problemWith("https://mixed.example/")).get().asString().contains("10.0.0.7");
        assertThat(destinations.problemWith("https://nowhere.example/")).get().asString().contains("does not resolve");
        assertThat(destinations.problemWith("ftp://hooks.example.com/")).get().asString().contains("https URL");
        assertThat(destinations.problemWith("hooks.example.com/x")).get().asString().contains("https URL");
    }

    private static WebhookProperties properties(boolean allowHttp) {
        return new WebhookProperties(Duration.ofSeconds(1), 8, Duration.ofSeconds(10), Duration.ofHours(1),
                Duration.ofSeconds(10), 4, Duration.ofHours(24), allowHttp, List.of());
    }

    private static InetAddress literal(String address) {
        InetAddress parsed = Network.literal(address);
        assertThat(parsed).as(address).isNotNull();
        return parsed;
    }
}
