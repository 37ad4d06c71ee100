package org.shequ.foodinspections.privacy;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.TreeSet;
import org.shequ.platform.security.ObjectAccess;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.RequestIds;

/**
 * Who may see operators' names and phones (PIPL personal information), and the record of every time they did: one
 * access-log row per provider shown unmasked, with who, when, why and the request id, committed on its own so that
 * a read is logged whatever else happens to its request.
 */
@ApplicationScoped
public class PersonalDataAccess {

    /** The roles that see personal data unmasked; everyone else, the public included, sees 138****1234 and 王*. */
    public static final String[] ENTITLED = {Roles.INSPECTOR, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN};

    private final SecurityIdentity identity;
    private final ObjectAccess access;
    private final EntityManager em;
    private final Clock clock;

    public PersonalDataAccess(SecurityIdentity identity, ObjectAccess access, EntityManager em, Clock clock) {
        this.identity = identity;
        this.access = access;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Whether the caller sees the personal data of a provider of this community: an inspector or community admin of
     * that community, or a district admin. An inspector of another community sees what the public sees.
     */
    public boolean entitled(String community) {
        return Roles.hasAny(identity, ENTITLED) && access.mayActIn(community);
    }

    /** Logs that the caller was shown these providers' personal data unmasked; nothing for a masked answer. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void shown(Collection<String> providerIds, String purpose) {
        if (providerIds.isEmpty()) {
            return;
        }
        String roles = String.join(",", new TreeSet<>(identity.getRoles()));
        for (String providerId : providerIds) {
            em.createNativeQuery("INSERT INTO pii_access (actor, roles, provider_id, request_id, purpose, at)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, Roles.actor(identity)).setParameter(2, roles).setParameter(3, providerId)
                    .setParameter(4, RequestIds.current()).setParameter(5, purpose).setParameter(6, clock.instant())
                    .executeUpdate();
        }
    }
}
