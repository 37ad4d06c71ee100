package org.shequ.notices.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<Notice, String> {

    /** One page in listing order (newest first), fetching one extra row to know whether another page follows. */
    List<Notice> page(NoticeQuery query, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        query.appendTo(where, params);
        return find("from Notice n where " + where + " order by n.createdAt desc, n.id desc", params)
                .range(0, limit)
                .list();
    }
}
