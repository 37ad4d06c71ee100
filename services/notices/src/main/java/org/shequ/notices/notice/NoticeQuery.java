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
 * {@code drafts} is which drafts the caller may see at all (see {@link NoticeEditor}).
 */
public record NoticeQuery(NoticeKind kind, NoticeStatus status, Instant activeAt, Instant from, Instant to,
                          String text, String community, Cursor after, Drafts drafts, Instant now) {

    /** The drafts a caller sees: none, all, or those of one community or one creator. */
    public record Drafts(boolean shown, String community, String createdBy) {

        public static final Drafts NONE = new Drafts(false, null, null);
        public static final Drafts ALL = new Drafts(true, null, null);

        public static Drafts ofCommunity(String community) {
            return new Drafts(true, community, null);
        }

        public static Drafts createdBy(String client) {
            return new Drafts(true, null, client);
        }

        boolean include(Notice draft) {
            return shown && (community == null || community.equals(draft.community))
                    && (createdBy == null || createdBy.equals(draft.createdBy));
        }
    }

    private static final int MAX_TEXT = 100;

    public static NoticeQuery parse(String kind, String status, String activeAt, String from, String to, String text,
                                    String community, Cursor after, Drafts drafts, Instant now) {
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
                drafts,
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
        if (!drafts.shown()) {
            where.append(" and n.status in :visible");
            params.and("visible", EnumSet.of(NoticeStatus.PUBLISHED, NoticeStatus.CANCELLED));
        } else if (drafts.community() != null) {
            where.append(" and (n.status <> :draft or n.community = :draftCommunity)");
            params.and("draft", NoticeStatus.DRAFT).and("draftCommunity", drafts.community());
        } else if (drafts.createdBy() != null) {
            where.append(" and (n.status <> :draft or n.createdBy = :draftCreator)");
            params.and("draft", NoticeStatus.DRAFT).and("draftCreator", drafts.createdBy());
        }
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
