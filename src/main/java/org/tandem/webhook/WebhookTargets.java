package org.tandem.webhook;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressNetwork;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv6.IPv6Address;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a webhook may go. The URL's host is resolved and every address it has must be public: not loopback,
 * private, link-local (cloud metadata services live there), unique-local, CGNAT, multicast, unspecified, reserved,
 * benchmarking or documentation space, in IPv4 or IPv6. An IPv6 address that carries an IPv4 one (mapped,
 * compatible, 6to4, NAT64, Teredo) is refused whole. A host spelled as a number other than a plain dotted quad
 * (2130706433, 0177.0.0.1, 0x7f.1) is refused, because resolvers disagree on what it means. The operator may
 * allow chosen networks for receivers on premises ({@code tandem.webhooks.allowed-networks}). The sender
 * connects to the address that was checked, so a name that resolves elsewhere a moment later (DNS rebinding)
 * changes nothing.
 */
@ApplicationScoped
public class WebhookTargets {

    /** Never a webhook's target unless allowed by the operator. */
    private static final List<IPAddress> BLOCKED = ranges(List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "::1/128", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/32",
            "2001:2::/48", "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"));
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    /** A target that passed: connect to {@code address}, speak to {@code host}. */
    public record Target(String host, InetAddress address, int port, boolean tls, String pathAndQuery) {
    }

    /** Why a target is refused; the category goes to the delivery log, never more. */
    public static final class Refused extends Exception {
        private final String category;

        Refused(String category) {
            super(category, null, false, false);
            this.category = category;
        }

        public String category() {
            return category;
        }
    }

    private final List<IPAddress> allowed;
    private final boolean allowHttp;

    WebhookTargets(WebhookConfig config) {
        this.allowed = ranges(config.allowedNetworks().orElse(List.of()));
        this.allowHttp = config.allowHttp();
    }

    /** Checks the URL's form (https, no credentials), resolves its host, and checks every address. */
    public Target check(URI url) throws Refused {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        if (!(tls || (allowHttp && "http".equalsIgnoreCase(url.getScheme()))) || url.getHost() == null
                || url.getRawUserInfo() != null || url.getRawFragment() != null) {
            throw new Refused("invalid-url");
        }
        String host = url.getHost();
        boolean literal6 = host.startsWith("[");
        if (literal6) {
            host = host.substring(1, host.length() - 1);
        } else {
            String lower = host.toLowerCase(Locale.ROOT);
            String last = lower.substring(lower.lastIndexOf('.') + 1);
            if (NUMERIC_LABEL.matcher(last).matches() && !DOTTED_QUAD.matcher(lower).matches()) {
                throw new Refused("invalid-url");
            }
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException e) {
            throw new Refused("unresolvable");
        }
        for (InetAddress address : addresses) {
            if (!permitted(address)) {
                throw new Refused("blocked-address");
            }
        }
        int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return new Target(host, addresses[0], port, tls, path + query);
    }

    /** Whether an address may receive webhooks: public, or in a network the operator allowed. */
    public boolean permitted(InetAddress address) {
        IPAddress ip = new IPAddressNetwork.IPAddressGenerator().from(address);
        if (ip.isIPv6()) {
            IPv6Address v6 = ip.toIPv6();
            // Judged by the IPv4 address it carries, when it is one the operator allowed.
            if (v6.isIPv4Mapped() && contains(allowed, v6.getEmbeddedIPv4Address())) {
                return true;
            }
        }
        return contains(allowed, ip) || !contains(BLOCKED, ip);
    }

    private static boolean contains(List<IPAddress> ranges, IPAddress ip) {
        for (IPAddress range : ranges) {
            if (range.getIPVersion() == ip.getIPVersion() && range.contains(ip)) {
                return true;
            }
        }
        return false;
    }

    private static List<IPAddress> ranges(List<String> cidrs) {
        List<IPAddress> ranges = new ArrayList<>();
        for (String cidr : cidrs) {
            try {
                ranges.add(new IPAddressString(cidr.trim()).toAddress().toPrefixBlock());
            } catch (AddressStringException e) {
                throw new IllegalArgumentException("tandem.webhooks.allowed-networks: not a CIDR range: " + cidr, e);
            }
        }
        return List.copyOf(ranges);
    }
}
