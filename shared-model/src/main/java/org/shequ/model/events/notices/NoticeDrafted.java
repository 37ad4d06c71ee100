package org.shequ.model.events.notices;

import java.time.Instant;

/** A notice was written but not yet shown to residents. */
public record NoticeDrafted(String noticeId, NoticeEvent.Snapshot notice, Instant draftedAt) implements NoticeEvent {
}
