package io.synod.treasury.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.synod.rest.ProblemException;
import io.synod.treasury.ApprovalPolicy;
import io.synod.treasury.ConflictOfInterest;
import io.synod.treasury.Rubric;
import io.synod.treasury.repository.CommitteeRecord;
import io.synod.treasury.repository.MemberRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Grants committees: members with declared interests, an M-of-N approval policy and a review rubric. */
@ApplicationScoped
public class CommitteeService {
    private static final TypeReference<List<Rubric.Criterion>> CRITERIA = new TypeReference<>() {};
    private final Json json;
    private final AuditLog audit;

    public CommitteeService(Json json, AuditLog audit) {
        this.json = json;
        this.audit = audit;
    }

    public record MemberView(String subject, String address, List<String> interests, Instant since) {}

    public record CommitteeView(String id, String dao, String name, String category, String policy, int requiredApprovals,
                                List<MemberView> members, List<Rubric.Criterion> rubric, Instant createdAt) {}

    /** A committee with what deciding needs: its policy, rubric and members. */
    public record Committee(CommitteeRecord record, ApprovalPolicy policy, Rubric rubric, List<MemberRecord> members) {
        public boolean isMember(String subject) {
            return members.stream().anyMatch(m -> m.subject.equals(subject));
        }
    }

    public Uni<CommitteeView> create(String dao, Requests.CreateCommittee req, Actor admin) {
        Rubric rubric = new Rubric(req.rubric().stream().map(c -> new Rubric.Criterion(c.id(), c.label(), c.weight(), c.max())).toList());
        requireSound(rubric, req.requiredApprovals(), req.members());
        CommitteeRecord c = new CommitteeRecord();
        c.id = UUID.randomUUID().toString();
        c.dao = dao;
        c.name = req.name();
        c.category = req.category();
        c.requiredApprovals = req.requiredApprovals();
        c.rubricJson = json.write(rubric.criteria());
        c.createdBy = admin.subject();
        c.createdAt = Instant.now();
        return Panache.withTransaction(() -> c.persist().chain(() -> addMembers(c.id, req.members()))
                .chain(() -> audit.record(admin.subject(), "committee-created", "committee:" + c.id,
                        Map.of("policy", req.requiredApprovals() + "-of-" + req.members().size(),
                                "members", req.members().stream().map(Requests.Member::subject).toList()))))
                .chain(() -> get(c.id));
    }

    /**
     * A new membership and policy. Questions already before the committee keep the members and threshold
     * they were opened with; new ones use these.
     */
    public Uni<CommitteeView> replaceMembers(String committeeId, Requests.ReplaceMembers req, Actor admin) {
        return Panache.withTransaction(() -> CommitteeRecord.<CommitteeRecord>findById(committeeId,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("committee", committeeId)).chain(c -> {
                    requireSound(null, req.requiredApprovals(), req.members());
                    c.requiredApprovals = req.requiredApprovals();
                    return MemberRecord.delete("committeeId", committeeId).chain(() -> addMembers(committeeId, req.members()))
                            .chain(() -> audit.record(admin.subject(), "committee-members-replaced", "committee:" + committeeId,
                                    Map.of("policy", req.requiredApprovals() + "-of-" + req.members().size(),
                                            "members", req.members().stream().map(Requests.Member::subject).toList())));
                })).chain(() -> get(committeeId));
    }

    public Uni<CommitteeView> get(String id) {
        return Panache.withSession(() -> load(id)).map(this::view);
    }

    /** In the caller's session. */
    public Uni<Committee> load(String id) {
        return CommitteeRecord.<CommitteeRecord>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("committee", id))
                .chain(c -> MemberRecord.<MemberRecord>list("committeeId = ?1 order by subject", id)
                        .map(members -> new Committee(c, new ApprovalPolicy(c.requiredApprovals, members.size()), rubric(c), members)));
    }

    /** 403 unless {@code actor} is a member of the committee. */
    public static void requireMember(Committee c, Actor actor) {
        if (!c.isMember(actor.subject())) {
            throw new ProblemException(403, "not-a-member", "Not a committee member",
                    actor.subject() + " is not a member of committee " + c.record().name);
        }
    }

    public List<ConflictOfInterest.Member> conflictsView(Committee c) {
        return c.members().stream().map(m -> new ConflictOfInterest.Member(m.subject, m.address, json.strings(m.interestsJson))).toList();
    }

    private Rubric rubric(CommitteeRecord c) {
        return new Rubric(json.read(c.rubricJson, CRITERIA));
    }

    private Uni<Void> addMembers(String committeeId, List<Requests.Member> members) {
        Instant now = Instant.now();
        return Multi.createFrom().iterable(members).onItem().transformToUniAndConcatenate(m -> {
            MemberRecord r = new MemberRecord();
            r.id = MemberRecord.id(committeeId, m.subject());
            r.committeeId = committeeId;
            r.subject = m.subject();
            r.address = m.address() == null ? null : m.address().toLowerCase(java.util.Locale.ROOT);
            r.interestsJson = json.write(m.interests());
            r.since = now;
            return r.persist();
        }).collect().last().replaceWithVoid();
    }

    /** @param rubric null when only the membership changes */
    private static void requireSound(Rubric rubric, int required, List<Requests.Member> members) {
        List<String> problems = new java.util.ArrayList<>(rubric == null ? List.of() : rubric.problems());
        if (new HashSet<>(members.stream().map(Requests.Member::subject).toList()).size() != members.size()) {
            problems.add("each member may appear once");
        }
        if (required > members.size()) {
            problems.add("the policy needs " + required + " approvals but the committee has " + members.size() + " members");
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(422, "invalid-committee", "Invalid committee", String.join("; ", problems),
                    Map.of("problems", problems));
        }
    }

    private CommitteeView view(Committee c) {
        CommitteeRecord r = c.record();
        return new CommitteeView(r.id, r.dao, r.name, r.category, c.policy().toString(), r.requiredApprovals,
                c.members().stream().map(m -> new MemberView(m.subject, m.address, json.strings(m.interestsJson), m.since)).toList(),
                c.rubric().criteria(), r.createdAt);
    }
}
