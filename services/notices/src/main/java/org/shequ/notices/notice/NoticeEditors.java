package org.shequ.notices.notice;

import jakarta.enterprise.context.ApplicationScoped;
import org.shequ.notices.notice.api.NoticeUpdate;
import org.shequ.platform.problem.OutOfScopeException;
import org.shequ.platform.security.ObjectAccess;
import org.shequ.platform.security.Roles;

/** The {@link NoticeEditor} of the caller, from their token through the platform's {@link ObjectAccess}. */
@ApplicationScoped
public class NoticeEditors {

    /** The service itself, acting on events (the notices of renovation disruptions): as the district. */
    public static NoticeEditor system(String actor) {
        return new District(actor);
    }

    private final ObjectAccess access;
    private final NoticeIssuers issuers;

    public NoticeEditors(ObjectAccess access, NoticeIssuers issuers) {
        this.access = access;
        this.issuers = issuers;
    }

    public NoticeEditor current() {
        if (access.actsEverywhere()) {
            return new District(access.actor());
        }
        if (access.hasRole(Roles.COMMUNITY_ADMIN)) {
            return new CommunityAdmin();
        }
        if (access.hasRole(Roles.INTEGRATION)) {
            return new Integration();
        }
        return new Reader();
    }

    private record District(String actor) implements NoticeEditor {

        @Override
        public NoticeUpdate bind(NoticeUpdate content) {
            return content;
        }

        @Override
        public void requireMayChange(Notice notice) {
        }

        @Override
        public NoticeQuery.Drafts drafts() {
            return NoticeQuery.Drafts.ALL;
        }
    }

    private final class CommunityAdmin extends FromToken {

        @Override
        public NoticeUpdate bind(NoticeUpdate content) {
            return content.inCommunity(access.communityOfNew(content.community() == null || content.community().isBlank()
                    ? null : content.community().strip()));
        }

        @Override
        public void requireMayChange(Notice notice) {
            access.requireCommunity(notice.community);
        }

        @Override
        public NoticeQuery.Drafts drafts() {
            return NoticeQuery.Drafts.ofCommunity(access.ownCommunity());
        }
    }

    private final class Integration extends FromToken {

        @Override
        public NoticeUpdate bind(NoticeUpdate content) {
            String registered = issuers.of(actor()).orElseThrow(() -> new OutOfScopeException("Client " + actor()
                    + " is not registered as a notice issuer (SHEQU_NOTICES_ISSUERS)"));
            if (!registered.equals(content.issuer().strip())) {
                throw new OutOfScopeException("Client " + actor() + " publishes as " + registered + ", not as "
                        + content.issuer().strip());
            }
            return content;
        }

        @Override
        public void requireMayChange(Notice notice) {
            access.requireCreator(notice.createdBy, "Notice " + notice.id);
        }

        @Override
        public NoticeQuery.Drafts drafts() {
            return NoticeQuery.Drafts.createdBy(actor());
        }
    }

    /** A caller known by their token: their subject is who acted. */
    private abstract class FromToken implements NoticeEditor {

        @Override
        public String actor() {
            return access.actor();
        }
    }

    /** Anyone else: public notices only, and no writes (the roles refused those already). */
    private final class Reader extends FromToken {

        @Override
        public NoticeUpdate bind(NoticeUpdate content) {
            throw new OutOfScopeException("Your role writes no notices");
        }

        @Override
        public void requireMayChange(Notice notice) {
            throw new OutOfScopeException("Your role writes no notices");
        }

        @Override
        public NoticeQuery.Drafts drafts() {
            return NoticeQuery.Drafts.NONE;
        }
    }
}
