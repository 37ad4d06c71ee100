package org.shequ.webhooks.subscription;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.shequ.platform.db.RowLocks;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, String> {

    public List<Subscription> active() {
        return list("status = ?1", Subscription.ACTIVE);
    }

    /** The subscription with its row locked, to number its next delivery. */
    public Optional<Subscription> locked(String id) {
        return RowLocks.lockedById(getEntityManager(), Subscription.class, "subscription", id);
    }
}
