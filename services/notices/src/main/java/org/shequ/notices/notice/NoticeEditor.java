package org.shequ.notices.notice;

import org.shequ.notices.notice.api.NoticeUpdate;

/**
 * Whose notices a caller may write and see as drafts (docs/ROLES.md, "Notices: whose objects"): a district admin
 * all; a community admin those of their community; an integration those it created, under the issuer it is
 * registered as. The system (notices made from renovation disruptions) acts as the district.
 */
public interface NoticeEditor {

    String actor();

    /** The content as it will be stored, or a 403 if the caller may not write it (another community or issuer). */
    NoticeUpdate bind(NoticeUpdate content);

    /** Refuses with 403 unless the caller may change this notice. */
    void requireMayChange(Notice notice);

    /** Which drafts the caller sees; a notice once published is public. */
    NoticeQuery.Drafts drafts();

    default boolean maySee(Notice notice) {
        return notice.status.isPublic() || drafts().include(notice);
    }
}
