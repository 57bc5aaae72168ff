package org.hqd.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * Where a request comes from and whether it came over TLS. Directly, the connection's address; behind a reverse
 * proxy named with {@code --trusted-proxy}, the address the proxy appended to {@code X-Forwarded-For} and the
 * scheme it sent in {@code X-Forwarded-Proto}. Those headers are believed only from a trusted proxy: anyone else
 * could write them to pass as another client or to dodge the login throttle.
 */
final class ClientAddress {
    private final Set<String> trustedProxies;
    private final boolean secureCookies;

    /**
     * @param trustedProxies addresses of reverse proxies whose forwarding headers are believed
     * @param secureCookies  whether every request is to be treated as TLS (the server sits behind TLS)
     */
    ClientAddress(Set<String> trustedProxies, boolean secureCookies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
        this.secureCookies = secureCookies;
    }

    /** The client's address (for the audit log and the login throttle). */
    String of(Context ctx) {
        String remote = ctx.req().getRemoteAddr();
        if (!trusted(remote)) {
            return remote;
        }
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        // the rightmost address that is not one of our proxies is the one the nearest trusted proxy saw
        List<String> hops = List.of(forwarded.split(","));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).strip();
            if (!hop.isEmpty() && !trusted(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return remote;
    }

    /** Whether the browser talks TLS to us (directly with --secure-cookies, or as a trusted proxy says). */
    boolean secure(Context ctx) {
        if (secureCookies) {
            return true;
        }
        return trusted(ctx.req().getRemoteAddr()) && "https".equalsIgnoreCase(
                String.valueOf(ctx.header("X-Forwarded-Proto")).strip());
    }

    /**
     * The key the login throttle counts a client under: its address, for IPv6 its /64 network (one home or one
     * machine usually holds a whole /64, so counting single addresses would let it try 2^64 times).
     */
    static String throttleKey(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] b = InetAddress.getByName(address.replaceAll("^\\[|\\]$", "").replaceAll("%.*$", "")).getAddress();
            if (b.length != 16) {
                return address;
            }
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                key.append(String.format("%02x%02x:", b[i], b[i + 1]));
            }
            return key.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private boolean trusted(String address) {
        return address != null && trustedProxies.contains(address.strip());
    }
}
