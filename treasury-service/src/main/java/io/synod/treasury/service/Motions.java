package io.synod.treasury.service;

import io.smallrye.mutiny.Uni;
import io.synod.rest.ProblemException;
import io.synod.treasury.CommitteeDecision;
import io.synod.treasury.repository.MotionRecord;
import io.synod.treasury.repository.MotionVoteRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Questions before a committee and the members' votes on them, in the caller's transaction. Who may vote
 * and how many approvals carry a motion are fixed when it opens; a recused member's vote is refused.
 */
@ApplicationScoped
public class Motions {
    private final Json json;

    public Motions(Json json) {
        this.json = json;
    }

    public record VoteView(String member, String decision, String comment, Instant at) {}

    public record MotionView(String id, String committeeId, String kind, String subjectId, Object payload, String reason,
                             String movedBy, String status, int required, List<String> eligible, List<String> recused,
                             long approvals, long rejections, List<VoteView> votes, Instant createdAt, Instant decidedAt) {}

    /** Opens a motion; 422 when every member is recused. */
    public Uni<MotionRecord> open(CommitteeService.Committee c, String kind, String subjectId, Object payload, String reason,
                                  Set<String> recused, String movedBy) {
        CommitteeDecision d;
        try {
            d = CommitteeDecision.of(c.policy(), memberSubjects(c), recused);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, "no-eligible-members", "No eligible members",
                    "every member of the committee is recused: it cannot decide this", Map.of("recused", recused));
        }
        MotionRecord m = new MotionRecord();
        m.id = UUID.randomUUID().toString();
        m.committeeId = c.record().id;
        m.kind = kind;
        m.subjectId = subjectId;
        m.payloadJson = payload == null ? null : json.write(payload);
        m.reason = reason;
        m.movedBy = movedBy;
        m.status = MotionRecord.OPEN;
        m.required = d.required();
        m.eligibleJson = json.write(d.eligible().stream().sorted().toList());
        m.recusedJson = json.write(new TreeSet<>(recused));
        m.createdAt = Instant.now();
        return m.persist();
    }

    public Uni<MotionRecord> lock(String id) {
        return MotionRecord.<MotionRecord>findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("motion", id));
    }

    /**
     * Records a member's vote on a locked, open motion and settles it if the vote decides it.
     * @return the motion's outcome after the vote
     */
    public Uni<CommitteeDecision.Outcome> vote(MotionRecord m, CommitteeService.Committee c, Actor actor, Requests.Vote v) {
        CommitteeService.requireMember(c, actor);
        if (!MotionRecord.OPEN.equals(m.status)) {
            throw new ProblemException(409, "motion-decided", "Already decided", "this motion was " + m.status,
                    Map.of("status", m.status));
        }
        CommitteeDecision d = decision(m);
        if (!d.mayVote(actor.subject())) {
            boolean recused = json.strings(m.recusedJson).contains(actor.subject());
            throw new ProblemException(403, recused ? "recused" : "not-eligible", recused ? "Recused" : "Not eligible",
                    recused ? actor.subject() + " has a declared conflict of interest and is recused: the vote does not count"
                            : actor.subject() + " joined after this motion opened and may not vote on it");
        }
        return MotionVoteRecord.<MotionVoteRecord>list("motionId", m.id).chain(earlier -> {
            earlier.stream().filter(e -> e.member.equals(actor.subject())).findFirst().ifPresent(e -> {
                throw ProblemException.conflict("already-voted", "Already voted",
                        actor.subject() + " already voted " + e.decision + " on this motion");
            });
            MotionVoteRecord r = new MotionVoteRecord();
            r.id = m.id + ":" + actor.subject();
            r.motionId = m.id;
            r.member = actor.subject();
            r.decision = v.decision();
            r.comment = v.comment();
            r.at = Instant.now();
            Map<String, CommitteeDecision.Vote> all = tally(earlier);
            all.put(r.member, CommitteeDecision.Vote.valueOf(r.decision.toUpperCase(Locale.ROOT)));
            CommitteeDecision.Outcome o = d.outcome(all);
            if (o != CommitteeDecision.Outcome.OPEN) {
                m.status = o == CommitteeDecision.Outcome.CARRIED ? MotionRecord.CARRIED : MotionRecord.REJECTED;
                m.decidedAt = Instant.now();
            }
            return r.persist().replaceWith(o);
        });
    }

    /** Closes an open motion without a decision (its subject was clawed back or canceled). */
    public void withdraw(MotionRecord m) {
        if (MotionRecord.OPEN.equals(m.status)) {
            m.status = MotionRecord.REJECTED;
            m.decidedAt = Instant.now();
        }
    }

    /** For the REST edge: in a session of its own. */
    public Uni<MotionView> get(String id) {
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> view(id));
    }

    public Uni<MotionView> view(String id) {
        return MotionRecord.<MotionRecord>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("motion", id))
                .chain(this::view);
    }

    public Uni<MotionView> view(MotionRecord m) {
        return MotionVoteRecord.<MotionVoteRecord>list("motionId = ?1 order by at", m.id).map(votes -> {
            Map<String, CommitteeDecision.Vote> counted = tally(votes);
            CommitteeDecision d = decision(m);
            return new MotionView(m.id, m.committeeId, m.kind, m.subjectId,
                    m.payloadJson == null ? null : json.read(m.payloadJson, Object.class), m.reason, m.movedBy, m.status,
                    m.required, json.strings(m.eligibleJson), json.strings(m.recusedJson), d.approvals(counted),
                    counted.values().stream().filter(x -> x == CommitteeDecision.Vote.REJECT).count(),
                    votes.stream().map(v -> new VoteView(v.member, v.decision, v.comment, v.at)).toList(), m.createdAt, m.decidedAt);
        });
    }

    /** Approvals on record, for traces: who approved, when. */
    public Uni<List<VoteView>> approvals(String motionId) {
        return MotionVoteRecord.<MotionVoteRecord>list("motionId = ?1 and decision = 'approve' order by at", motionId)
                .map(votes -> votes.stream().map(v -> new VoteView(v.member, v.decision, v.comment, v.at)).toList());
    }

    private static Map<String, CommitteeDecision.Vote> tally(List<MotionVoteRecord> votes) {
        Map<String, CommitteeDecision.Vote> out = new LinkedHashMap<>();
        votes.forEach(v -> out.put(v.member, CommitteeDecision.Vote.valueOf(v.decision.toUpperCase(Locale.ROOT))));
        return out;
    }

    private CommitteeDecision decision(MotionRecord m) {
        return new CommitteeDecision(Set.copyOf(json.strings(m.eligibleJson)), m.required);
    }

    private static Set<String> memberSubjects(CommitteeService.Committee c) {
        Set<String> s = new TreeSet<>();
        c.members().forEach(m -> s.add(m.subject));
        return s;
    }
}
