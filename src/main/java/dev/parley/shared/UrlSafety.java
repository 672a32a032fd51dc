package dev.parley.shared;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks from reaching into the server's own network: a URL whose host resolves to a
 * loopback, link-local, private or otherwise local address is refused unless
 * {@code parley.webhooks.allow-private} (env PARLEY_WEBHOOK_ALLOW_PRIVATE) is true.
 */
@Component
public class UrlSafety {

    private final boolean allowPrivate;

    public UrlSafety(@Value("${parley.webhooks.allow-private:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Null when the URL may be called; otherwise why not. */
    public String problem(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException | NullPointerException e) {
            return "is not a valid URL";
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) return "must be an http or https URL";
        if (uri.getHost() == null) return "must name a host";
        if (allowPrivate) return null;
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isLocal(address)) return "resolves to a private or local address (" + address.getHostAddress() + ")";
            }
        } catch (UnknownHostException e) {
            return "host cannot be resolved";
        }
        return null;
    }

    /**
     * Null when a host the tenant chose (e.g. an IMAP or SMTP server) may be connected to; otherwise why not. The
     * same switch as webhooks allows private addresses.
     */
    public String hostProblem(String host) {
        if (host == null || host.isBlank()) return "can't be blank";
        if (!host.matches("[A-Za-z0-9.:\\[\\]-]{1,253}")) return "is not a valid host name";
        if (allowPrivate) return null;
        try {
            for (InetAddress address : InetAddress.getAllByName(host.strip())) {
                if (isLocal(address)) return "resolves to a private or local address (" + address.getHostAddress() + ")";
            }
        } catch (UnknownHostException e) {
            return "host cannot be resolved";
        }
        return null;
    }

    public static boolean isLocal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || first == 100 && second >= 64 && second <= 127 // carrier-grade NAT 100.64/10
                || first == 198 && (second == 18 || second == 19) || first >= 240; // benchmarking, reserved
    }
}
