package org.shequ.notices.notice;

import java.util.List;

/**
 * DRAFT is seen only by the notice's editors. PUBLISHED, EXPIRED and CANCELLED are public. EXPIRED is never stored:
 * it is what a PUBLISHED notice is once its {@code endsAt} has passed.
 */
public enum NoticeStatus {
    DRAFT(List.of("update", "publish")),
    PUBLISHED(List.of("update", "cancel", "restore", "extend")),
    EXPIRED(List.of()),
    CANCELLED(List.of());

    private final List<String> allowedActions;

    NoticeStatus(List<String> allowedActions) {
        this.allowedActions = allowedActions;
    }

    public boolean isPublic() {
        return this != DRAFT;
    }

    /** What an editor may still do to a notice in this status, as the action names of the API. */
    public List<String> allowedActions() {
        return allowedActions;
    }

    public boolean allows(String action) {
        return allowedActions.contains(action);
    }
}
