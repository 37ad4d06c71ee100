package org.shequ.notices.notice;

/** DRAFT is seen only by the notice's editors; PUBLISHED and CANCELLED are public. */
public enum NoticeStatus {
    DRAFT, PUBLISHED, CANCELLED;

    public boolean isPublic() {
        return this != DRAFT;
    }
}
