package org.shequ.renovations.compound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.Cursor;
import org.shequ.platform.paging.PageRequest;
import org.shequ.renovations.compound.api.CompoundRequest;
import org.shequ.renovations.compound.api.CompoundView;
import org.shequ.platform.web.ApiValues;

/** The registry of old compounds. Registry entries are reference data: they emit no events. */
@ApplicationScoped
@Transactional
public class CompoundService {

    private final CompoundRepository compounds;
    private final CompoundAccess access;
    private final Clock clock;

    public CompoundService(CompoundRepository compounds, CompoundAccess access, Clock clock) {
        this.access = access;
        this.compounds = compounds;
        this.clock = clock;
    }

    public CompoundView register(@Valid @NotNull CompoundRequest request) {
        Compound compound = new Compound();
        compound.id = UUID.randomUUID().toString();
        compound.name = request.name().strip();
        compound.address = ApiValues.blankToNull(request.address());
        compound.district = request.district().strip();
        compound.subDistrict = ApiValues.blankToNull(request.subDistrict());
        compound.community = access.communityOfNew(ApiValues.blankToNull(request.community()));
        compound.builtYear = request.builtYear();
        compound.households = request.households();
        compound.floorAreaM2 = request.floorAreaM2();
        compound.buildings = request.buildings();
        compound.createdAt = clock.instant();
        compounds.persist(compound);
        compounds.flush(); // a duplicate name is a 409 now, and the ETag is the version written
        return view(compound);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CompoundView> find(String id) {
        return compounds.findByIdOptional(id).map(CompoundService::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CompoundView> list(String district, String community, PageRequest page) {
        return page.toPage(compounds.page(ApiValues.blankToNull(district), ApiValues.blankToNull(community), page.after(),
                page.fetchSize()), c -> new Cursor(c.createdAt, c.id), CompoundService::view);
    }

    static CompoundView view(Compound c) {
        return new CompoundView(c.id, c.name, c.address, c.district, c.subDistrict, c.community, c.builtYear,
                c.households, c.floorAreaM2, c.buildings, ApiValues.local(c.createdAt), c.version);
    }
}
