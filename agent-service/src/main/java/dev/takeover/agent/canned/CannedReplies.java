package dev.takeover.agent.canned;

import java.time.Clock;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.takeover.common.domain.Refused;

/** The catalogue of canned replies: read by every agent, changed by supervisors. */
@ApplicationScoped
public class CannedReplies {

    private final Clock clock;

    CannedReplies(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public List<CannedReply> catalogue(String language) {
        return CannedReply.catalogue(language);
    }

    @Transactional
    public CannedReply add(String language, String shortcut, String title, String text, String supervisor) {
        CannedReply reply = CannedReply.write(language, shortcut, title, text, supervisor, clock.instant());
        requireFree(reply);
        reply.persist();
        return reply;
    }

    @Transactional
    public CannedReply change(
            String replyId, String language, String shortcut, String title, String text, String supervisor) {
        CannedReply reply = find(replyId);
        reply.change(language, shortcut, title, text, supervisor, clock.instant());
        requireFree(reply);
        return reply;
    }

    @Transactional
    public void remove(String replyId) {
        find(replyId).delete();
    }

    private static CannedReply find(String replyId) {
        return CannedReply.<CannedReply>findByIdOptional(replyId)
                .orElseThrow(() -> Refused.notFound("no canned reply " + replyId));
    }

    /** Two replies of one language never share a shortcut (the table enforces it too, for concurrent writers). */
    private static void requireFree(CannedReply reply) {
        if (CannedReply.shortcutTaken(reply.language, reply.shortcut, reply.replyId)) {
            throw Refused.conflict(
                    "the " + reply.language + " catalogue already has a reply with shortcut /" + reply.shortcut);
        }
    }
}
