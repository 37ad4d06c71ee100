package org.shequ.model.events.notices;

import java.time.Instant;

/** A published notice changed; residents who saw it should see the new version. */
public record NoticeUpdated(String noticeId, int sequence, NoticeEvent.Snapshot notice, Instant updatedAt)
        implements NoticeEvent {
}
