package dev.onboardingengine.api.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}). Parsed from address
 * literals only, never through DNS.
 */
record Network(String cidr, byte[] base, int bits) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    static Network parse(String cidr) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        String literal = slash < 0 ? text : text.substring(0, slash);
        InetAddress address = literal(literal);
        if (address == null) {
            throw new IllegalArgumentException("'" + cidr + "' is not a network in CIDR notation (an address literal, "
                    + "'/' and a prefix length, e.g. 10.20.0.0/16 or fd12:3456::/48)");
        }
        int maxBits = address.getAddress().length * 8;
        int bits;
        try {
            bits = slash < 0 ? maxBits : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (bits < 0 || bits > maxBits) {
            throw new IllegalArgumentException("'" + cidr + "': the prefix length must be 0 to " + maxBits);
        }
        return new Network(text, address.getAddress(), bits);
    }

    /** The address that {@code text} spells, if it is an IPv4 or IPv6 literal; null for anything else (a name). */
    static InetAddress literal(String text) {
        String unbracketed = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPV4.matcher(unbracketed).matches() && !IPV6.matcher(unbracketed).matches()) {
            return null;
        }
        try {
            // Only literals get here, which InetAddress parses without asking DNS.
            return InetAddress.getByName(unbracketed);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != base.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != base[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (bytes[full] & mask) == (base[full] & mask);
    }

    @Override
    public String toString() {
        return cidr;
    }
}
