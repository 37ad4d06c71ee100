package org.shequ.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Optional;
import org.shequ.platform.problem.OutOfScopeException;

/**
 * The object-level rules every service shares, on top of the roles (docs/ROLES.md, "Whose objects"). A
 * {@code district-admin} acts everywhere. Any other caller a service binds to a community acts within the one its
 * token's {@code community} claim names, and only there; a token without the claim reaches no community's objects.
 * A caller may be bound to what it created instead (an integration to its own notices). Every refusal is a 403
 * {@code out-of-scope}, thrown before anything is changed.
 */
@ApplicationScoped
public class ObjectAccess {

    private final SecurityIdentity identity;

    public ObjectAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean actsEverywhere() {
        return identity.hasRole(Roles.DISTRICT_ADMIN);
    }

    public boolean hasRole(String role) {
        return !identity.isAnonymous() && identity.hasRole(role);
    }

    /** Who acts, for history and audit: the token's subject. */
    public String actor() {
        return Roles.actor(identity);
    }

    /** Whether the caller may act on an object of this community ({@code null}: the whole district's). */
    public boolean mayActIn(String community) {
        return actsEverywhere() || (community != null && Roles.community(identity).filter(community::equals).isPresent());
    }

    /** Refuses with 403 unless the caller may act on an object of this community. */
    public void requireCommunity(String community) {
        if (!mayActIn(community)) {
            throw new OutOfScopeException("This belongs to " + (community == null ? "the whole district" : community)
                    + "; " + ownScope());
        }
    }

    /**
     * The community a new object is put in: the one asked for, which the caller must be allowed to act in, or the
     * caller's own when none is asked for. Only a district admin creates objects of the whole district.
     */
    public String communityOfNew(String requested) {
        if (actsEverywhere()) {
            return requested;
        }
        String community = requested != null ? requested : ownCommunity();
        requireCommunity(community);
        return community;
    }

    /**
     * The community a list is bound to: empty for the whole district. A filter outside the caller's scope is refused
     * rather than silently narrowed, so a client cannot mistake "none of yours" for "none".
     */
    public Optional<String> listBound(String requested) {
        if (actsEverywhere()) {
            return Optional.ofNullable(requested);
        }
        return Optional.of(communityOfNew(requested));
    }

    /** Refuses with 403 unless the caller created the object. */
    public void requireCreator(String createdBy, String what) {
        if (!Objects.equals(createdBy, actor())) {
            throw new OutOfScopeException(what + " was created by another client; an integration acts only on what it"
                    + " created");
        }
    }

    /** The caller's own community, or a refusal saying the token names none. */
    public String ownCommunity() {
        return Roles.community(identity).orElseThrow(() -> new OutOfScopeException(
                "Your token names no community, so there is no community for you to act within"));
    }

    private String ownScope() {
        return Roles.community(identity).map(c -> "you act within " + c)
                .orElse("your token names no community to act within");
    }
}
