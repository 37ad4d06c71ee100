package org.shequ.gateway.edge;

import java.util.Set;

/**
 * Who is calling, as far as the gateway needs to know: the verified subject and roles of a bearer token, or an
 * anonymous client known by its address. Services read the token again themselves; this never leaves the gateway.
 * {@code limitKey} is what a rate limit counts the caller under: the token's subject, else the client's address.
 */
public record Caller(String subject, Set<String> roles, long expiresAtEpochSecond, String limitKey) {

    public static final String ANONYMOUS = "anonymous";

    public static Caller anonymous(String address) {
        return new Caller(null, Set.of(ANONYMOUS), Long.MAX_VALUE, "ip:" + address);
    }

    public static Caller of(String subject, Set<String> roles, long expiresAtEpochSecond) {
        return new Caller(subject, roles, expiresAtEpochSecond, "sub:" + subject);
    }

    public boolean isAnonymous() {
        return subject == null;
    }
}
