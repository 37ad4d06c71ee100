package org.shequ.notices.gazetteer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.KeysetPage;
import org.shequ.platform.paging.PageRequest;

@ApplicationScoped
public class GazetteerRepository implements PanacheRepositoryBase<RoadGazetteer, String> {

    /** The road an area or an address names, by its normalised name (unique key ux_road_gazetteer_key). */
    Optional<RoadGazetteer> byKey(String roadKey) {
        return find("roadKey", roadKey).firstResultOptional();
    }

    Page<RoadGazetteer> page(PageRequest request) {
        return KeysetPage.of(getEntityManager(), RoadGazetteer.class).rows(request, r -> r.createdAt, r -> r.id);
    }
}
