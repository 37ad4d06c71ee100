package org.shequ.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

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

    /**
     * The {@code community} claim: the community a {@code community-admin} acts within (e.g. 富力城社区). Empty for
     * a token without it, which then reaches no community's objects.
     */
    public static Optional<String> community(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim("community");
        String value = claim instanceof jakarta.json.JsonString text ? text.getString()
                : claim == null ? null : claim.toString();
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
