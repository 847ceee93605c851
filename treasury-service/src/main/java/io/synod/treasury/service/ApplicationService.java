package io.synod.treasury.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.synod.rest.ProblemException;
import io.synod.signatures.Addresses;
import io.synod.signatures.ContentHash;
import io.synod.treasury.Amounts;
import io.synod.treasury.CommitteeDecision;
import io.synod.treasury.ConflictOfInterest;
import io.synod.treasury.MilestonePlan;
import io.synod.treasury.Period;
import io.synod.treasury.TreasuryTypedData;
import io.synod.treasury.repository.ApplicationRecord;
import io.synod.treasury.repository.ReviewRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Grant applications: submitted with the applicant's EIP-712 signature, reviewed against the committee's
 * rubric by members without a conflict, and decided by the committee's policy. Approval awards the grant,
 * which commits its money from the envelope — or fails with 409 when the envelope cannot cover it.
 */
@ApplicationScoped
public class ApplicationService {
    private static final TypeReference<Map<String, Integer>> SCORES = new TypeReference<>() {};
    private final CommitteeService committees;
    private final TreasuryService treasuries;
    private final BudgetService budgets;
    private final GrantService grants;
    private final Motions motions;
    private final GranteeSignatures signatures;
    private final AuditLog audit;
    private final Json json;

    public ApplicationService(CommitteeService committees, TreasuryService treasuries, BudgetService budgets,
                              GrantService grants, Motions motions, GranteeSignatures signatures, AuditLog audit, Json json) {
        this.committees = committees;
        this.treasuries = treasuries;
        this.budgets = budgets;
        this.grants = grants;
        this.motions = motions;
        this.signatures = signatures;
        this.audit = audit;
        this.json = json;
    }

    public record ReviewView(String reviewer, Map<String, Integer> scores, int scoreBps, String comment, Instant at) {}

    public record ApplicationView(String id, String committeeId, String dao, String status, Requests.ApplicationContent content,
                                  String contentHash, List<String> recused, Motions.MotionView decision,
                                  List<ReviewView> reviews, Integer averageScoreBps, String grantId, Instant createdAt,
                                  Instant decidedAt) {}

    public Map<String, String> contentHash(Requests.ApplicationContent content) {
        return Map.of("contentHash", ContentHash.of(content), "canonicalContent", ContentHash.canonicalJson(content));
    }

    public Uni<ApplicationView> submit(String committeeId, Requests.SubmitApplication req) {
        Requests.ApplicationContent c = req.content();
        String applicant = Addresses.normalize(c.applicant());
        String asset = TreasuryService.asset(c.asset());
        BigInteger amount = amount(c.amount(), "amount");
        requireSoundPlan(c, amount);
        String contentHash = ContentHash.of(c);
        String period = Period.parse(c.period()).toString();
        return Panache.withTransaction(() -> committees.load(committeeId).chain(committee -> treasuries.find(
                committee.record().dao, c.chainId(), asset).chain(treasury -> budgets.lockEnvelope(committee.record().dao,
                period, committee.record().category, c.chainId(), asset).chain(envelope -> {
            if (envelope == null) {
                throw new ProblemException(422, "no-envelope", "No budget envelope",
                        committee.record().dao + " has no " + period + " " + committee.record().category + " budget of "
                                + asset + " on chain " + c.chainId());
            }
            signatures.requireSigner(TreasuryTypedData.application(TreasuryTypedData.domain(c.chainId(), treasury.vault), committeeId,
                    applicant, contentHash, req.nonce()), req.signature(), applicant, "application");
            Set<String> recused = ConflictOfInterest.recused(committees.conflictsView(committee), applicant,
                    c.recipient(), c.affiliations() == null ? List.of() : c.affiliations());
            ApplicationRecord a = new ApplicationRecord();
            a.id = UUID.randomUUID().toString();
            a.committeeId = committeeId;
            a.dao = committee.record().dao;
            a.applicant = applicant;
            a.recipient = Addresses.normalize(c.recipient());
            a.title = c.title();
            a.chainId = c.chainId();
            a.asset = asset;
            a.period = period;
            a.amount = amount;
            a.contentJson = json.write(c);
            a.contentHash = contentHash;
            a.signature = req.signature().toLowerCase();
            a.status = ApplicationRecord.SUBMITTED;
            a.recusedJson = json.write(recused);
            a.createdAt = Instant.now();
            return signatures.spendNonce(applicant, req.nonce())
                    .chain(() -> motions.open(committee, "application", a.id, null, null, recused, applicant))
                    .chain(m -> {
                        a.motionId = m.id;
                        return a.persist();
                    })
                    .chain(() -> audit.record(applicant, "application-submitted", "application:" + a.id,
                            Map.of("committee", committeeId, "amount", amount.toString(), "recused", recused)))
                    .replaceWith(a.id);
        })))).chain(this::get);
    }

    /** A member's scores against the rubric (one review per member; a new one replaces it while undecided). */
    public Uni<ApplicationView> review(String id, Actor actor, Requests.Review req) {
        return Panache.withTransaction(() -> lock(id).chain(a -> committees.load(a.committeeId).chain(c -> {
            CommitteeService.requireMember(c, actor);
            requireOpen(a);
            if (json.strings(a.recusedJson).contains(actor.subject())) {
                throw new ProblemException(403, "recused", "Recused",
                        actor.subject() + " has a declared conflict of interest with this application");
            }
            List<String> problems = c.rubric().problems(req.scores());
            if (!problems.isEmpty()) {
                throw new ProblemException(422, "invalid-review", "Invalid review", String.join("; ", problems),
                        Map.of("problems", problems));
            }
            String rid = a.id + ":" + actor.subject();
            return ReviewRecord.<ReviewRecord>findById(rid).chain(existing -> {
                ReviewRecord r = existing == null ? new ReviewRecord() : existing;
                r.id = rid;
                r.applicationId = a.id;
                r.reviewer = actor.subject();
                r.scoresJson = json.write(req.scores());
                r.scoreBps = c.rubric().scoreBps(req.scores());
                r.comment = req.comment();
                r.at = Instant.now();
                return (existing == null ? r.persist() : Uni.createFrom().item(r))
                        .chain(() -> audit.record(actor.subject(), "application-reviewed", "application:" + a.id,
                                Map.of("scoreBps", r.scoreBps)));
            });
        }))).chain(() -> get(id));
    }

    /**
     * A member approves or rejects. The vote that carries the application awards the grant in the same
     * transaction: if the envelope cannot cover it, the whole vote is refused with 409 and nothing changes.
     */
    public Uni<ApplicationView> vote(String id, Actor actor, Requests.Vote v) {
        return Panache.withTransaction(() -> lock(id).chain(a -> committees.load(a.committeeId).chain(c -> {
            CommitteeService.requireMember(c, actor);
            requireOpen(a);
            return motions.lock(a.motionId).chain(m -> motions.vote(m, c, actor, v)).chain(outcome -> {
                Uni<Void> effect = Uni.createFrom().voidItem();
                if (outcome == CommitteeDecision.Outcome.CARRIED) {
                    effect = grants.award(a, c, actor).invoke(g -> {
                        a.status = ApplicationRecord.APPROVED;
                        a.grantId = g.id;
                    }).replaceWithVoid();
                } else if (outcome == CommitteeDecision.Outcome.REJECTED) {
                    a.status = ApplicationRecord.REJECTED;
                }
                if (outcome != CommitteeDecision.Outcome.OPEN) {
                    a.decidedAt = Instant.now();
                }
                return effect.chain(() -> audit.record(actor.subject(), "application-vote", "application:" + a.id,
                        Map.of("decision", v.decision(), "outcome", outcome.name().toLowerCase())));
            });
        }))).chain(() -> get(id));
    }

    public Uni<ApplicationView> get(String id) {
        return Panache.withSession(() -> ApplicationRecord.<ApplicationRecord>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("application", id)).chain(this::view));
    }

    public Uni<List<ApplicationView>> list(String committeeId, String status) {
        String q = status == null ? "committeeId = ?1" : "committeeId = ?1 and status = ?2";
        Object[] args = status == null ? new Object[] {committeeId} : new Object[] {committeeId, status};
        return Panache.withSession(() -> ApplicationRecord.<ApplicationRecord>list(q + " order by createdAt", args)
                .chain(rows -> io.smallrye.mutiny.Multi.createFrom().iterable(rows).onItem()
                        .transformToUniAndConcatenate(this::view).collect().asList()));
    }

    private Uni<ApplicationView> view(ApplicationRecord a) {
        return ReviewRecord.<ReviewRecord>list("applicationId = ?1 order by at", a.id).chain(reviews -> motions.view(a.motionId)
                .map(m -> new ApplicationView(a.id, a.committeeId, a.dao, a.status,
                        json.read(a.contentJson, Requests.ApplicationContent.class), a.contentHash, json.strings(a.recusedJson),
                        m, reviews.stream().map(r -> new ReviewView(r.reviewer, json.read(r.scoresJson, SCORES), r.scoreBps,
                                r.comment, r.at)).toList(),
                        reviews.isEmpty() ? null : (int) reviews.stream().mapToInt(r -> r.scoreBps).average().orElse(0),
                        a.grantId, a.createdAt, a.decidedAt)));
    }

    private Uni<ApplicationRecord> lock(String id) {
        return ApplicationRecord.<ApplicationRecord>findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("application", id));
    }

    private static void requireOpen(ApplicationRecord a) {
        if (!ApplicationRecord.SUBMITTED.equals(a.status)) {
            throw new ProblemException(409, "application-decided", "Already decided", "the application is " + a.status,
                    Map.of("status", a.status));
        }
    }

    static void requireSoundPlan(Requests.ApplicationContent c, BigInteger amount) {
        List<MilestonePlan.Milestone> ms = new ArrayList<>();
        for (int i = 0; i < c.milestones().size(); i++) {
            Requests.PlannedMilestone m = c.milestones().get(i);
            ms.add(new MilestonePlan.Milestone(m.title(), amount(m.amount(), "milestone " + (i + 1) + " amount"), date(m.due())));
        }
        List<String> problems = new MilestonePlan(ms).problems(amount, LocalDate.now(ZoneOffset.UTC));
        if (!problems.isEmpty()) {
            throw new ProblemException(422, "invalid-milestones", "Invalid milestones", String.join("; ", problems),
                    Map.of("problems", problems));
        }
    }

    static BigInteger amount(String decimal, String what) {
        try {
            return Amounts.positive(decimal, what);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, "invalid-amount", "Invalid amount", e.getMessage());
        }
    }

    static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("bad-date", s + " is not a date (yyyy-mm-dd)");
        }
    }
}
