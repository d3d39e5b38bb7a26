package dev.onboardingengine.api.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may be delivered to: any globally routable unicast address, and nothing
 * loopback, private, shared (CGNAT), link-local, multicast, unspecified, reserved, for documentation or
 * a cloud metadata service, unless an administrator allows its network ({@code allowed-networks}). IPv6
 * forms that carry an IPv4 address (mapped, NAT64, 6to4) are judged by that IPv4 address.
 */
final class DestinationRules {

    private record Special(Network network, String what) {
    }

    private static final List<Special> SPECIAL = List.of(
            // Named first: they sit inside the ranges below, and the reason should say what they are.
            special("169.254.169.254/32", "a cloud metadata service"),
            special("fd00:ec2::254/128", "a cloud metadata service"),
            special("168.63.129.16/32", "a cloud platform's host service (Azure WireServer)"),
            special("0.0.0.0/8", "unspecified (\"this network\", 0.0.0.0/8)"),
            special("10.0.0.0/8", "private (RFC 1918)"),
            special("100.64.0.0/10", "shared address space (carrier-grade NAT, RFC 6598)"),
            special("127.0.0.0/8", "loopback"),
            special("169.254.0.0/16", "link-local"),
            special("172.16.0.0/12", "private (RFC 1918)"),
            special("192.0.0.0/24", "reserved for IETF protocol assignments"),
            special("192.0.2.0/24", "reserved for documentation"),
            special("192.88.99.0/24", "a 6to4 relay (deprecated)"),
            special("192.168.0.0/16", "private (RFC 1918)"),
            special("198.18.0.0/15", "reserved for benchmarking"),
            special("198.51.100.0/24", "reserved for documentation"),
            special("203.0.113.0/24", "reserved for documentation"),
            special("224.0.0.0/4", "multicast"),
            special("240.0.0.0/4", "reserved (240.0.0.0/4, broadcast included)"),
            special("::/128", "unspecified"),
            special("::1/128", "loopback"),
            special("::/96", "IPv4-compatible (deprecated)"),
            special("64:ff9b:1::/48", "local-use NAT64"),
            special("100::/64", "discard-only"),
            special("2001:db8::/32", "reserved for documentation"),
            special("2001::/23", "reserved for IETF protocol assignments (Teredo included)"),
            special("3fff::/20", "reserved for documentation"),
            special("fc00::/7", "private (unique local, fc00::/7)"),
            special("fe80::/10", "link-local"),
            special("fec0::/10", "site-local (deprecated)"),
            special("ff00::/8", "multicast"));

    private static final Network IPV6_GLOBAL_UNICAST = Network.parse("2000::/3");
    private static final Network NAT64 = Network.parse("64:ff9b::/96");
    private static final Network SIX_TO_FOUR = Network.parse("2002::/16");

    private final List<Network> allowed;

    DestinationRules(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().filter(cidr -> !cidr.isBlank()).map(Network::parse).toList();
    }

    /** Why a delivery may not go to {@code address}; empty when it may. */
    Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(network -> network.contains(address))) {
            return Optional.empty();
        }
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            if (isIpv4Mapped(bytes)) {
                return refusal(ipv4(bytes, 12));
            }
            if (NAT64.contains(address)) {
                return refusal(ipv4(bytes, 12)).map(why -> "NAT64 of an address that is " + why);
            }
            if (SIX_TO_FOUR.contains(address)) {
                return refusal(ipv4(bytes, 2)).map(why -> "6to4 of an address that is " + why);
            }
        }
        for (Special special : SPECIAL) {
            if (special.network().contains(address)) {
                return Optional.of(special.what());
            }
        }
        if (address instanceof Inet6Address && !IPV6_GLOBAL_UNICAST.contains(address)) {
            return Optional.of("not a global unicast address (outside 2000::/3)");
        }
        return Optional.empty();
    }

    List<Network> allowed() {
        return allowed;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static InetAddress ipv4(byte[] bytes, int from) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, from, from + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static Special special(String cidr, String what) {
        return new Special(Network.parse(cidr), what);
    }
}
