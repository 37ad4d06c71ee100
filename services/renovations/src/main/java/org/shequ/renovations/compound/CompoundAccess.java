package org.shequ.renovations.compound;

import jakarta.enterprise.context.ApplicationScoped;
import org.shequ.platform.security.ObjectAccess;

/**
 * Renovations' object-level rule (docs/ROLES.md, "Renovations: whose objects"): a community admin acts on the
 * compounds of their community and on those compounds' projects, milestones and disruptions; a district admin on all.
 * A compound of no community is the district's.
 */
@ApplicationScoped
public class CompoundAccess {

    private final CompoundRepository compounds;
    private final ObjectAccess access;

    public CompoundAccess(CompoundRepository compounds, ObjectAccess access) {
        this.compounds = compounds;
        this.access = access;
    }

    /** Refuses with 403 unless the caller may act on this compound's objects; an unknown compound passes (422 later). */
    public void requireCompound(String compoundId) {
        compounds.findByIdOptional(compoundId).ifPresent(c -> access.requireCommunity(c.community));
    }

    /** The community a newly registered compound belongs to: the caller's, unless a district admin names another. */
    public String communityOfNew(String requested) {
        return access.communityOfNew(requested);
    }
}
