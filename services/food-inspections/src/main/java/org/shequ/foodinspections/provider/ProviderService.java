package org.shequ.foodinspections.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.shequ.foodinspections.provider.api.ProviderRequest;
import org.shequ.foodinspections.provider.api.ProviderView;
import org.shequ.platform.privacy.Masking;
import org.shequ.platform.web.ApiValues;

/** The ledger. Providers emit no events of their own: events carry no personal data at all. */
@ApplicationScoped
@Transactional
public class ProviderService {

    private final ProviderRepository providers;
    private final Clock clock;

    public ProviderService(ProviderRepository providers, Clock clock) {
        this.providers = providers;
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
        provider.licenseNo = request.licenseNo() == null || request.licenseNo().isBlank() ? null : request.licenseNo().strip();
        provider.capacity = request.capacity();
        provider.community = request.community().strip();
        provider.status = request.status() == null ? ProviderStatus.ACTIVE : request.status();
        provider.createdAt = now;
        provider.updatedAt = now;
        providers.persist(provider);
        providers.flush(); // a licence number registered before is a 409 now
        return view(provider, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProviderView> find(String id, boolean entitled) {
        return providers.findByIdOptional(id).map(p -> view(p, entitled));
    }

    /** The only place a provider becomes an answer, so personal data cannot leave unmasked by another path. */
    static ProviderView view(Provider p, boolean entitled) {
        return new ProviderView(p.id, p.name, p.address, entitled ? p.operatorName : Masking.name(p.operatorName),
                entitled ? p.phone : Masking.phone(p.phone), p.licenseNo, p.capacity, p.community, p.status,
                ApiValues.local(p.createdAt), ApiValues.local(p.updatedAt), p.version);
    }
}
