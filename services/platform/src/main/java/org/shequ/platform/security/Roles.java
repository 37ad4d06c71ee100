package org.shequ.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Arrays;

/** The roles of the {@code groups} claim, as the public API names them. */
public final class Roles {

    public static final String RESIDENT = "resident";
    public static final String GRID_WORKER = "grid-worker";
    public static final String INSPECTOR = "inspector";
    public static final String COMMUNITY_ADMIN = "community-admin";
    public static final String DISTRICT_ADMIN = "district-admin";
    public static final String INTEGRATION = "integration";

    private Roles() {
    }

    public static boolean hasAny(SecurityIdentity identity, String... roles) {
        return !identity.isAnonymous() && Arrays.stream(roles).anyMatch(identity::hasRole);
    }

    /** Who acted, for history and audit: the token's principal, or "anonymous". */
    public static String actor(SecurityIdentity identity) {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
