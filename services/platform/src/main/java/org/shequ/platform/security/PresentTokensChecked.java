package org.shequ.platform.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that carries a token gets it checked, on public operations too: an expired, foreign or mis-addressed
 * token is a 401, as at the gateway, never silently read as anonymous. Authentication stays lazy (proactive auth is
 * off so a bad token becomes a problem+json like every other error), so without this a public operation that never
 * asks who is calling would never look at the token. A request without one is not touched.
 */
public class PresentTokensChecked {

    private final CurrentIdentityAssociation identities;

    public PresentTokensChecked(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> authenticate(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().replaceWithVoid();
    }
}
