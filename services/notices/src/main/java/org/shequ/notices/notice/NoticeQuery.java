package org.shequ.notices.notice;

import static org.shequ.platform.web.QueryParams.bounded;
import static org.shequ.platform.web.QueryParams.enumOf;
import static org.shequ.platform.web.QueryParams.instant;

import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.shequ.model.api.FieldError;
import org.shequ.platform.paging.Cursor;
import org.shequ.platform.problem.InvalidInputException;

/**
 * The filters of {@code GET /api/v1/notices}, checked together so one 400 names every bad parameter.
 * {@code visible} is what the caller may see at all: drafts only for editors.
 */
public record NoticeQuery(NoticeKind kind, NoticeStatus status, Instant activeAt, Instant from, Instant to,
                          String text, String community, Cursor after, Set<NoticeStatus> visible, Instant now) {

    private static final int MAX_TEXT = 100;

    public static NoticeQuery parse(String kind, String status, String activeAt, String from, String to, String text,
                                    String community, Cursor after, boolean editor, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        NoticeQuery query = new NoticeQuery(
                enumOf(NoticeKind.class, "kind", kind, errors),
                enumOf(NoticeStatus.class, "status", status, errors),
                instant("activeAt", activeAt, errors),
                instant("from", from, errors),
                instant("to", to, errors),
                bounded("q", text, MAX_TEXT, errors),
                bounded("community", community, MAX_TEXT, errors),
                after,
                editor ? EnumSet.allOf(NoticeStatus.class) : EnumSet.of(NoticeStatus.PUBLISHED, NoticeStatus.CANCELLED),
                now);
        if (query.from != null && query.to != null && query.to.isBefore(query.from)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return query;
    }

    /**
     * The whole query, driven by the index that keeps it proportional to what it finds: the day index for
     * {@code activeAt}, the postings of the text's rarest gram for {@code q}, else the listing index. The exact
     * conditions are checked on the notice in every case; the driver only narrows where to look.
     */
    String hql(Parameters params, String gram) {
        String select;
        String key;
        String keyId;
        StringBuilder where = new StringBuilder();
        if (activeAt != null) {
            select = "select n from NoticeDay d join Notice n on n.id = d.noticeId";
            where.append("d.day = :day");
            params.and("day", activeAt.atZone(ZoneOffset.UTC).toLocalDate());
            key = "n.createdAt";
            keyId = "n.id";
            if (gram != null) {
                where.append(" and exists (select 1 from NoticeGram g where g.gram = :gram and g.noticeId = n.id)");
                params.and("gram", gram);
            }
        } else if (gram != null) {
            select = "select n from NoticeGram g join Notice n on n.id = g.noticeId";
            where.append("g.gram = :gram");
            params.and("gram", gram);
            key = "g.createdAt";
            keyId = "g.noticeId";
        } else {
            select = "select n from Notice n";
            where.append("1 = 1");
            key = "n.createdAt";
            keyId = "n.id";
        }
        where.append(" and n.status in :visible");
        params.and("visible", visible);
        if (kind != null) {
            where.append(" and n.kind = :kind");
            params.and("kind", kind);
        }
        if (status == NoticeStatus.EXPIRED || status == NoticeStatus.PUBLISHED) {
            // EXPIRED is not stored: it is a published notice whose window has passed.
            where.append(" and n.status = :status and n.endsAt ").append(status == NoticeStatus.EXPIRED ? "<=" : ">")
                    .append(" :now");
            params.and("status", NoticeStatus.PUBLISHED).and("now", now);
        } else if (status != null) {
            where.append(" and n.status = :status");
            params.and("status", status);
        }
        if (activeAt != null) {
            where.append(" and n.startsAt <= :activeAt and n.endsAt > :activeAt");
            params.and("activeAt", activeAt);
        }
        if (from != null) {
            where.append(" and n.endsAt > :from");
            params.and("from", from);
        }
        if (to != null) {
            where.append(" and n.startsAt < :to");
            params.and("to", to);
        }
        if (community != null) {
            where.append(" and n.community = :community");
            params.and("community", community);
        }
        if (text != null) {
            where.append(" and (n.title like :text or n.reason like :text or exists (select 1 from Notice m join m.areas a"
                    + " where m = n and (a.road like :text or a.compound like :text or a.from like :text"
                    + " or a.to like :text or a.description like :text)))");
            params.and("text", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (after != null) {
            where.append(" and (").append(key).append(" < :afterAt or (").append(key).append(" = :afterAt and ")
                    .append(keyId).append(" < :afterId))");
            params.and("afterAt", after.at()).and("afterId", after.id());
        }
        return select + " where " + where + " order by " + key + " desc, " + keyId + " desc";
    }
}
