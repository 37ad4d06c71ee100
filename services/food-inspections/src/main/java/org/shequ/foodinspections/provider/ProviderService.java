package org.shequ.foodinspections.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.shequ.foodinspections.privacy.PersonalDataAccess;
import org.shequ.foodinspections.provider.api.ProviderRequest;
import org.shequ.foodinspections.provider.api.ProviderUpdate;
import org.shequ.foodinspections.provider.api.ProviderView;
import org.shequ.model.api.Page;
import org.shequ.model.events.food.ProviderEvent;
import org.shequ.platform.outbox.Outbox;
import org.shequ.platform.paging.Cursor;
import org.shequ.platform.paging.PageRequest;
import org.shequ.model.privacy.Masking;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.problem.StaleVersionException;
import org.shequ.platform.security.ObjectAccess;
import org.shequ.platform.web.ApiValues;

/**
 * The ledger. Its event names the business only: operator and phone never leave in one. Every answer that shows
 * them unmasked is written to the access log ({@link PersonalDataAccess}).
 */
@ApplicationScoped
@Transactional
public class ProviderService {

    private final ProviderRepository providers;
    private final PersonalDataAccess personalData;
    private final ObjectAccess access;
    private final Outbox outbox;
    private final Clock clock;

    public ProviderService(ProviderRepository providers, PersonalDataAccess personalData, ObjectAccess access,
                           Outbox outbox, Clock clock) {
        this.providers = providers;
        this.personalData = personalData;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    public ProviderView register(@Valid @NotNull ProviderRequest request) {
        Instant now = clock.instant();
        Provider provider = new Provider();
        provider.id = UUID.randomUUID().toString();
        provider.name = request.name().strip();
        provider.address = request.address().strip();
        provider.operatorName = request.operatorName().strip();
        provider.phone = request.phone().strip();
        provider.businessPhone = ApiValues.blankToNull(request.businessPhone());
        provider.licenseNo = ApiValues.blankToNull(request.licenseNo());
        provider.capacity = request.capacity();
        provider.community = access.communityOfNew(request.community().strip());
        provider.status = request.status() == null ? ProviderStatus.ACTIVE : request.status();
        provider.statusSince = now;
        provider.createdAt = now;
        provider.updatedAt = now;
        providers.persist(provider);
        providers.flush(); // a licence number registered before is a 409 now
        outbox.append(new ProviderEvent.Registered(provider.id, provider.name, provider.address, provider.community,
                provider.status.name(), provider.capacity, now));
        return shown(provider, "register");
    }

    public ProviderView update(String id, long expectedVersion, @Valid @NotNull ProviderUpdate update) {
        Provider provider = providers.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Provider", id));
        access.requireCommunity(provider.community);
        access.requireCommunity(update.community().strip()); // nor moved out of it
        if (provider.version != expectedVersion) {
            throw new StaleVersionException("Provider", id);
        }
        provider.name = update.name().strip();
        provider.address = update.address().strip();
        provider.operatorName = update.operatorName().strip();
        provider.phone = update.phone().strip();
        provider.businessPhone = ApiValues.blankToNull(update.businessPhone());
        provider.licenseNo = ApiValues.blankToNull(update.licenseNo());
        provider.capacity = update.capacity();
        provider.community = update.community().strip();
        if (provider.status != update.status()) {
            provider.statusSince = clock.instant();
        }
        provider.status = update.status();
        provider.updatedAt = clock.instant();
        providers.flush(); // the version the ETag reports is the one written; a stale one fails here too
        return shown(provider, "update");
    }

    /** What the erased columns hold from then on: no trace of what was there. */
    static final String ERASED = "已删除";

    /**
     * Erases the operator's name and phone on their request (PIPL Art. 47): overwritten in the row, so no answer,
     * export or event made afterwards can carry them; the inspections, the orders and the access log of earlier reads
     * stay. Publishes {@code provider.operator-erased} so that copies elsewhere are scrubbed too.
     */
    public ProviderView eraseOperator(String id, String reason) {
        Provider provider = providers.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Provider", id));
        Instant now = clock.instant();
        provider.operatorName = ERASED;
        provider.phone = ERASED;
        provider.operatorErasedAt = now;
        provider.operatorErasureReason = reason.strip();
        provider.updatedAt = now;
        providers.flush();
        outbox.append(new ProviderEvent.OperatorErased(provider.id, now));
        return view(provider, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProviderView> find(String id) {
        return providers.findByIdOptional(id).map(p -> shown(p, "read"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProviderView> list(String community, ProviderStatus status, PageRequest page) {
        List<Provider> rows = providers.page(community, status, page.after(), page.fetchSize());
        Page<ProviderView> shown = page.toPage(rows, p -> new Cursor(p.createdAt, p.id),
                p -> view(p, personalData.entitled(p.community)));
        java.util.Set<String> onPage = shown.items().stream().map(ProviderView::id)
                .collect(java.util.stream.Collectors.toSet());
        personalData.shown(rows.stream().filter(p -> onPage.contains(p.id) && personalData.entitled(p.community))
                .map(p -> p.id).toList(), "list");
        return shown;
    }

    private ProviderView shown(Provider provider, String purpose) {
        boolean entitled = personalData.entitled(provider.community);
        if (entitled) {
            personalData.shown(List.of(provider.id), purpose);
        }
        return view(provider, entitled);
    }

    /** The only place a provider becomes an answer, so personal data cannot leave unmasked by another path. */
    static ProviderView view(Provider p, boolean entitled) {
        boolean erased = p.operatorErasedAt != null && ERASED.equals(p.operatorName);
        return new ProviderView(p.id, p.name, p.address,
                erased || entitled ? p.operatorName : Masking.name(p.operatorName),
                erased && ERASED.equals(p.phone) || entitled ? p.phone : Masking.phone(p.phone), p.businessPhone, p.licenseNo, p.capacity, p.community,
                p.status, ApiValues.local(p.statusSince),
                ApiValues.local(p.createdAt), ApiValues.local(p.updatedAt), p.version);
    }
}
