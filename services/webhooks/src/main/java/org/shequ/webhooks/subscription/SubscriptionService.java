package org.shequ.webhooks.subscription;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.shequ.model.api.Page;
import org.shequ.model.events.EventCatalog;
import org.shequ.model.events.EventType;
import org.shequ.platform.paging.KeysetPage;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.problem.StaleVersionException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.ApiValues;
import org.shequ.webhooks.signing.WebhookSignature;
import org.shequ.webhooks.subscription.api.SubscriptionRequest;
import org.shequ.webhooks.subscription.api.SubscriptionView;

/**
 * Subscriptions, each its owner's alone: another subscriber's is answered as not found, never shown or changed. The
 * secret is made here, shown once, and rotated with a day's overlap in which both secrets sign.
 */
@ApplicationScoped
@Transactional
public class SubscriptionService {

    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    private final SubscriptionRepository subscriptions;
    private final EndpointGuard guard;
    private final SecurityIdentity identity;
    private final Clock clock;

    public SubscriptionService(SubscriptionRepository subscriptions, EndpointGuard guard, SecurityIdentity identity,
                               Clock clock) {
        this.subscriptions = subscriptions;
        this.guard = guard;
        this.identity = identity;
        this.clock = clock;
    }

    public SubscriptionView create(@Valid @NotNull SubscriptionRequest request) {
        Instant now = clock.instant();
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID().toString();
        subscription.owner = Roles.actor(identity);
        subscription.secret = WebhookSignature.newSecret();
        subscription.status = Subscription.ACTIVE;
        subscription.createdAt = now;
        apply(request, subscription, now);
        subscriptions.persist(subscription);
        subscriptions.flush();
        return view(subscription, true);
    }

    public SubscriptionView update(String id, long expectedVersion, @Valid @NotNull SubscriptionRequest request) {
        Subscription subscription = own(id);
        if (subscription.version != expectedVersion) {
            throw new StaleVersionException("Subscription", id);
        }
        apply(request, subscription, clock.instant());
        subscription.status = Subscription.ACTIVE; // a subscriber who fixed the endpoint turns deliveries back on
        subscription.disabledReason = null;
        subscriptions.flush();
        return view(subscription, false);
    }

    public void delete(String id) {
        Subscription subscription = own(id);
        subscription.status = "DELETED";
        subscription.updatedAt = clock.instant();
    }

    public SubscriptionView rotateSecret(String id) {
        Subscription subscription = own(id);
        Instant now = clock.instant();
        subscription.previousSecret = subscription.secret;
        subscription.previousUntil = now.plus(ROTATION_OVERLAP);
        subscription.secret = WebhookSignature.newSecret();
        subscription.updatedAt = now;
        subscriptions.flush();
        return view(subscription, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SubscriptionView find(String id) {
        return view(own(id), false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SubscriptionView> mine(PageRequest page) {
        return KeysetPage.of(subscriptions.getEntityManager(), Subscription.class)
                .where("e.owner = :owner", "owner", Roles.actor(identity))
                .where("e.status <> :deleted", "deleted", "DELETED")
                .page(page, s -> s.createdAt, s -> s.id, s -> view(s, false));
    }

    /** The caller's subscription; anyone else's is a 404, so its existence is not given away. */
    public Subscription own(String id) {
        return subscriptions.findByIdOptional(id)
                .filter(s -> s.owner.equals(Roles.actor(identity)) && !"DELETED".equals(s.status))
                .orElseThrow(() -> new ResourceNotFoundException("Subscription", id));
    }

    private void apply(SubscriptionRequest request, Subscription subscription, Instant now) {
        String url = request.url().strip();
        guard.refusal(url).ifPresent(reason -> {
            throw InvalidInputException.of("url", reason);
        });
        for (String type : request.types()) {
            if (!type.endsWith("*") && EventCatalog.byType(type).isEmpty()) {
                throw InvalidInputException.of("types", type + " is not an event type of the suite; "
                        + "see the event catalog, or use a prefix ending in *");
            }
            if (type.endsWith("*") && EventCatalog.all().stream().map(EventType::type)
                    .noneMatch(t -> t.startsWith(type.substring(0, type.length() - 1)))) {
                throw InvalidInputException.of("types", type + " matches no event type of the suite");
            }
        }
        subscription.url = url;
        subscription.types = String.join(",", request.types().stream().map(String::strip).distinct().toList());
        subscription.community = ApiValues.blankToNull(request.community());
        subscription.address = ApiValues.blankToNull(request.address());
        subscription.updatedAt = now;
    }

    static SubscriptionView view(Subscription s, boolean withSecret) {
        return new SubscriptionView(s.id, s.url, s.typeList(), s.community, s.address, s.status, s.disabledReason,
                withSecret ? s.secret : null, withSecret ? ApiValues.local(s.previousUntil) : null,
                ApiValues.local(s.createdAt), ApiValues.local(s.updatedAt), s.version);
    }
}
