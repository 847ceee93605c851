package io.synod.treasury.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.synod.rest.ProblemException;
import io.synod.treasury.CommitteeDecision;
import io.synod.treasury.ConflictOfInterest;
import io.synod.treasury.EnvelopeBalance;
import io.synod.treasury.MilestonePlan;
import io.synod.treasury.TreasuryTypedData;
import io.synod.treasury.repository.ApplicationRecord;
import io.synod.treasury.repository.EnvelopeRecord;
import io.synod.treasury.repository.GrantRecord;
import io.synod.treasury.repository.MilestoneRecord;
import io.synod.treasury.repository.MotionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Grants and their milestones. Money moves only under the envelope's row lock: awarding commits the grant,
 * an amendment commits or releases the difference, clawbacks and cancellations release what is unpaid,
 * and a payout spends what it paid. The grantee submits each milestone's evidence with a signature; the
 * committee approves it under its policy, which requests the payout.
 */
@ApplicationScoped
public class GrantService {
    private static final TypeReference<List<Requests.AmendedMilestone>> AMENDED = new TypeReference<>() {};
    private final CommitteeService committees;
    private final TreasuryService treasuries;
    private final BudgetService budgets;
    private final PayoutService payouts;
    private final Motions motions;
    private final GranteeSignatures signatures;
    private final AuditLog audit;
    private final Json json;

    public GrantService(CommitteeService committees, TreasuryService treasuries, BudgetService budgets, PayoutService payouts,
                        Motions motions, GranteeSignatures signatures, AuditLog audit, Json json) {
        this.committees = committees;
        this.treasuries = treasuries;
        this.budgets = budgets;
        this.payouts = payouts;
        this.motions = motions;
        this.signatures = signatures;
        this.audit = audit;
        this.json = json;
    }

    public record MilestoneView(String id, int index, String title, String amount, LocalDate due, String status,
                                String evidenceUri, String evidenceHash, String motionId, String payoutId,
                                Instant submittedAt, Instant approvedAt, Instant paidAt) {}

    public record GrantView(String id, String applicationId, String committeeId, String dao, String envelopeId,
                            String grantee, String recipient, long chainId, String asset, String vault, String amount,
                            String paid, String status, String cancelReason, List<MilestoneView> milestones,
                            List<Motions.MotionView> openMotions, Instant createdAt, Instant updatedAt) {}

    /** A clawback motion's payload: the unpaid milestones it takes back. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    record Clawback(List<String> milestoneIds) {}

    // ---- award ----------------------------------------------------------------------------------

    /** In the caller's transaction: commits the application's amount (409 when the envelope lacks it). */
    public Uni<GrantRecord> award(ApplicationRecord a, CommitteeService.Committee c, Actor actor) {
        Requests.ApplicationContent content = json.read(a.contentJson, Requests.ApplicationContent.class);
        return treasuries.find(a.dao, a.chainId, a.asset).chain(treasury -> budgets.lockEnvelope(a.dao, a.period,
                c.record().category, a.chainId, a.asset).chain(env -> {
            if (env == null) {
                throw new ProblemException(409, "no-envelope", "No budget envelope", "the application's envelope is gone");
            }
            commit(env, a.amount);
            GrantRecord g = new GrantRecord();
            g.id = UUID.randomUUID().toString();
            g.applicationId = a.id;
            g.committeeId = a.committeeId;
            g.dao = a.dao;
            g.envelopeId = env.id;
            g.grantee = a.applicant;
            g.recipient = a.recipient;
            g.chainId = a.chainId;
            g.asset = a.asset;
            g.vault = treasury.vault;
            g.amount = a.amount;
            g.status = GrantRecord.ACTIVE;
            g.createdAt = Instant.now();
            g.updatedAt = g.createdAt;
            List<MilestoneRecord> ms = new ArrayList<>();
            for (int i = 0; i < content.milestones().size(); i++) {
                Requests.PlannedMilestone p = content.milestones().get(i);
                ms.add(milestone(g.id, i, p.title(), new BigInteger(p.amount()), LocalDate.parse(p.due())));
            }
            return g.persist().chain(() -> persistAll(ms))
                    .chain(() -> audit.record(actor.subject(), "grant-awarded", "grant:" + g.id, Map.of("application", a.id,
                            "envelope", env.id, "amount", a.amount.toString(), "milestones", ms.size())))
                    .replaceWith(g);
        }));
    }

    // ---- milestones -----------------------------------------------------------------------------

    /** The grantee's signed evidence that a milestone is done: it goes before the committee. */
    public Uni<GrantView> evidence(String milestoneId, Requests.Evidence req) {
        return Panache.withTransaction(() -> lockMilestone(milestoneId).chain(m -> lockGrant(m.grantId).chain(g -> {
            requireActive(g);
            if (!MilestoneRecord.PLANNED.equals(m.status)) {
                throw new ProblemException(409, "milestone-not-open", "Milestone not open for evidence",
                        "the milestone is " + m.status, Map.of("status", m.status));
            }
            signatures.requireSigner(TreasuryTypedData.evidence(TreasuryTypedData.domain(g.chainId, g.vault), m.id, g.grantee,
                    req.evidenceHash(), req.nonce()), req.signature(), g.grantee, "evidence");
            return signatures.spendNonce(g.grantee, req.nonce()).chain(() -> committees.load(g.committeeId)).chain(c ->
                    recused(c, g).chain(recused -> motions.open(c, "milestone", m.id,
                            Map.of("uri", req.uri(), "evidenceHash", req.evidenceHash()), null, recused, g.grantee)))
                    .chain(motion -> {
                        m.status = MilestoneRecord.SUBMITTED;
                        m.evidenceUri = req.uri();
                        m.evidenceHash = req.evidenceHash().toLowerCase();
                        m.motionId = motion.id;
                        m.submittedAt = Instant.now();
                        return audit.record(g.grantee, "milestone-evidence", "grant:" + g.id,
                                Map.of("milestone", m.id, "uri", req.uri()));
                    }).replaceWith(g.id);
        }))).chain(this::get);
    }

    /** A member's vote on a milestone's evidence; the carrying vote approves it and requests its payout. */
    public Uni<GrantView> milestoneVote(String milestoneId, Actor actor, Requests.Vote v) {
        return Panache.withTransaction(() -> lockMilestone(milestoneId).chain(m -> lockGrant(m.grantId).chain(g ->
                committees.load(g.committeeId).chain(c -> {
                    CommitteeService.requireMember(c, actor);
                    if (!MilestoneRecord.SUBMITTED.equals(m.status)) {
                        throw new ProblemException(409, "milestone-not-submitted", "Nothing to approve",
                                "the milestone is " + m.status, Map.of("status", m.status));
                    }
                    return motions.lock(m.motionId).chain(motion -> motions.vote(motion, c, actor, v)).chain(outcome -> {
                        Uni<Void> effect = Uni.createFrom().voidItem();
                        if (outcome == CommitteeDecision.Outcome.CARRIED) {
                            m.status = MilestoneRecord.APPROVED;
                            m.approvedAt = Instant.now();
                            effect = payouts.request(g, m, actor);
                        } else if (outcome == CommitteeDecision.Outcome.REJECTED) {
                            m.status = MilestoneRecord.PLANNED; // the grantee may submit better evidence
                        }
                        return effect.chain(() -> audit.record(actor.subject(), "milestone-vote", "grant:" + g.id,
                                Map.of("milestone", m.id, "decision", v.decision(), "outcome", outcome.name().toLowerCase())));
                    });
                })).replaceWith(m.grantId))).chain(this::get);
    }

    // ---- motions on a grant: amend, claw back, cancel --------------------------------------------

    /** A member moves to amend, claw back or cancel; the mover's approval counts at once. */
    public Uni<Motions.MotionView> move(String grantId, Actor actor, Requests.Motion req) {
        return Panache.withTransaction(() -> lockGrant(grantId).chain(g -> committees.load(g.committeeId).chain(c -> {
            CommitteeService.requireMember(c, actor);
            requireActive(g);
            return MotionRecord.count("subjectId = ?1 and status = ?2", g.id, MotionRecord.OPEN).chain(open -> {
                if (open > 0) {
                    throw ProblemException.conflict("motion-open", "A motion is open",
                            "decide the open motion on this grant first");
                }
                return milestones(g.id).chain(ms -> {
                    Object payload = payload(req, ms);
                    return recused(c, g).chain(recused -> motions.open(c, req.kind(), g.id, payload, req.reason(), recused,
                            actor.subject())).chain(m -> audit.record(actor.subject(), "grant-motion-opened", "grant:" + g.id,
                            Map.of("motion", m.id, "kind", req.kind(), "reason", req.reason()))
                            .chain(() -> settle(m, g, c, actor, new Requests.Vote("approve", "moved"))).replaceWith(m.id));
                });
            });
        }))).chain(id -> Panache.withSession(() -> motions.view(id)));
    }

    /** A member's vote on a grant motion; carrying it applies it. */
    public Uni<Motions.MotionView> motionVote(String motionId, Actor actor, Requests.Vote v) {
        return Panache.withTransaction(() -> MotionRecord.<MotionRecord>findById(motionId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("motion", motionId)).chain(found -> {
                    if (!Set.of("amend", "clawback", "cancel").contains(found.kind)) {
                        throw new ProblemException(409, "wrong-endpoint", "Vote on its subject",
                                "vote on a " + found.kind + " motion at its " + found.kind + "'s votes endpoint");
                    }
                    return lockGrant(found.subjectId).chain(g -> committees.load(g.committeeId).chain(c ->
                            motions.lock(motionId).chain(m -> settle(m, g, c, actor, v))));
                })).chain(() -> Panache.withSession(() -> motions.view(motionId)));
    }

    private Uni<Void> settle(MotionRecord m, GrantRecord g, CommitteeService.Committee c, Actor actor, Requests.Vote v) {
        return motions.vote(m, c, actor, v).chain(outcome -> {
            if (outcome != CommitteeDecision.Outcome.CARRIED) {
                return Uni.createFrom().voidItem();
            }
            return milestones(g.id).chain(ms -> switch (m.kind) {
                case "amend" -> amend(g, ms, json.read(m.payloadJson, AMENDED));
                case "clawback" -> release(g, ms, Set.copyOf(json.read(m.payloadJson, Clawback.class).milestoneIds()),
                        MilestoneRecord.CLAWED_BACK);
                case "cancel" -> release(g, ms, null, MilestoneRecord.CANCELED).invoke(() -> {
                    g.status = GrantRecord.CANCELED;
                    g.cancelReason = m.reason;
                });
                default -> throw new IllegalStateException("unknown motion kind " + m.kind);
            }).chain(() -> audit.record(actor.subject(), "grant-" + m.kind + "-carried", "grant:" + g.id,
                    Map.of("motion", m.id, "amount", g.amount.toString())));
        });
    }

    /** Validates a motion's payload against the grant as it stands; 422 when it cannot apply. */
    private Object payload(Requests.Motion req, List<MilestoneRecord> ms) {
        Map<String, MilestoneRecord> open = openById(ms);
        return switch (req.kind()) {
            case "amend" -> {
                if (req.milestones() == null) {
                    throw invalid("an amendment lists the grant's unpaid milestones as they should be");
                }
                amendedPlan(req.milestones(), open);
                yield req.milestones();
            }
            case "clawback" -> {
                if (req.milestoneIds() == null || req.milestoneIds().isEmpty()) {
                    throw invalid("a clawback names the unpaid milestones it takes back");
                }
                req.milestoneIds().stream().filter(id -> !open.containsKey(id)).findFirst().ifPresent(id -> {
                    throw invalid("milestone " + id + " is not an unpaid milestone of this grant");
                });
                yield new Clawback(req.milestoneIds());
            }
            default -> Map.of();
        };
    }

    /** The new open schedule: existing open milestones by id, new ones without; @return its total */
    private static BigInteger amendedPlan(List<Requests.AmendedMilestone> amended, Map<String, MilestoneRecord> open) {
        List<MilestonePlan.Milestone> plan = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Requests.AmendedMilestone a : amended) {
            if (a.id() != null && (!open.containsKey(a.id()) || !seen.add(a.id()))) {
                throw invalid("milestone " + a.id() + " is not an unpaid milestone of this grant (or is listed twice)");
            }
            plan.add(new MilestonePlan.Milestone(a.title(), ApplicationService.amount(a.amount(), "amount of " + a.title()),
                    ApplicationService.date(a.due())));
        }
        MilestonePlan p = new MilestonePlan(plan);
        List<String> problems = amended.isEmpty() ? List.of() : p.problems(p.total(), LocalDate.now(ZoneOffset.UTC));
        if (!problems.isEmpty()) {
            throw invalid(String.join("; ", problems));
        }
        return p.total();
    }

    private Uni<Void> amend(GrantRecord g, List<MilestoneRecord> ms, List<Requests.AmendedMilestone> amended) {
        Map<String, MilestoneRecord> open = openById(ms);
        BigInteger before = open.values().stream().map(m -> m.amount).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger after = amendedPlan(amended, open); // the grant may have moved since the motion opened
        BigInteger delta = after.subtract(before);
        return budgets.lock(g.envelopeId).chain(env -> {
            if (delta.signum() > 0) {
                commit(env, delta);
            } else if (delta.signum() < 0) {
                env.apply(env.balance().release(delta.negate()));
            }
            g.amount = g.amount.add(delta);
            g.updatedAt = Instant.now();
            Set<String> kept = new HashSet<>();
            List<MilestoneRecord> created = new ArrayList<>();
            int next = ms.stream().mapToInt(m -> m.idx).max().orElse(-1) + 1;
            for (Requests.AmendedMilestone a : amended) {
                if (a.id() == null) {
                    created.add(milestone(g.id, next++, a.title(), new BigInteger(a.amount()), LocalDate.parse(a.due())));
                } else {
                    MilestoneRecord m = open.get(a.id());
                    m.title = a.title();
                    m.amount = new BigInteger(a.amount());
                    m.due = LocalDate.parse(a.due());
                    kept.add(m.id);
                }
            }
            List<MilestoneRecord> dropped = open.values().stream().filter(m -> !kept.contains(m.id)).toList();
            dropped.forEach(m -> m.status = MilestoneRecord.CANCELED);
            return withdrawMotions(dropped).chain(() -> persistAll(created)).invoke(() -> completeIfDone(g, ms, created));
        });
    }

    /** Releases the named unpaid milestones (all of them when {@code ids} is null) back to the envelope. */
    private Uni<Void> release(GrantRecord g, List<MilestoneRecord> ms, Set<String> ids, String status) {
        List<MilestoneRecord> taken = openById(ms).values().stream().filter(m -> ids == null || ids.contains(m.id)).toList();
        BigInteger amount = taken.stream().map(m -> m.amount).reduce(BigInteger.ZERO, BigInteger::add);
        return budgets.lock(g.envelopeId).chain(env -> {
            if (amount.signum() > 0) {
                env.apply(env.balance().release(amount));
            }
            taken.forEach(m -> m.status = status);
            g.amount = g.amount.subtract(amount);
            g.updatedAt = Instant.now();
            return withdrawMotions(taken).invoke(() -> completeIfDone(g, ms, List.of()));
        });
    }

    /** A grant whose milestones are all paid or released is complete (a canceled one stays canceled). */
    static void completeIfDone(GrantRecord g, List<MilestoneRecord> ms, List<MilestoneRecord> added) {
        boolean anyOwed = !added.isEmpty() || ms.stream().anyMatch(m -> MilestoneRecord.OPEN.contains(m.status)
                || MilestoneRecord.APPROVED.equals(m.status));
        if (!anyOwed && GrantRecord.ACTIVE.equals(g.status)) {
            g.status = GrantRecord.COMPLETED;
            g.updatedAt = Instant.now();
        }
    }

    private Uni<Void> withdrawMotions(List<MilestoneRecord> released) {
        return Multi.createFrom().iterable(released.stream().filter(m -> m.motionId != null).toList()).onItem()
                .transformToUniAndConcatenate(m -> motions.lock(m.motionId).invoke(motions::withdraw))
                .collect().last().replaceWithVoid();
    }

    // ---- reads ----------------------------------------------------------------------------------

    public Uni<GrantView> get(String id) {
        return Panache.withSession(() -> GrantRecord.<GrantRecord>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("grant", id)).chain(this::view));
    }

    public Uni<List<GrantView>> list(String committeeId) {
        return Panache.withSession(() -> GrantRecord.<GrantRecord>list("committeeId = ?1 order by createdAt", committeeId)
                .chain(rows -> Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(this::view).collect().asList()));
    }

    Uni<GrantView> view(GrantRecord g) {
        return milestones(g.id).chain(ms -> MotionRecord.<MotionRecord>list("subjectId = ?1 and status = ?2 order by createdAt",
                g.id, MotionRecord.OPEN).chain(open -> Multi.createFrom().iterable(open).onItem()
                .transformToUniAndConcatenate(motions::view).collect().asList()).map(openMotions -> new GrantView(g.id,
                g.applicationId, g.committeeId, g.dao, g.envelopeId, g.grantee, g.recipient, g.chainId, g.asset, g.vault,
                g.amount.toString(), ms.stream().filter(m -> MilestoneRecord.PAID.equals(m.status)).map(m -> m.amount)
                        .reduce(BigInteger.ZERO, BigInteger::add).toString(), g.status, g.cancelReason,
                ms.stream().map(GrantService::view).toList(), openMotions, g.createdAt, g.updatedAt)));
    }

    static MilestoneView view(MilestoneRecord m) {
        return new MilestoneView(m.id, m.idx, m.title, m.amount.toString(), m.due, m.status, m.evidenceUri, m.evidenceHash,
                m.motionId, m.payoutId, m.submittedAt, m.approvedAt, m.paidAt);
    }

    // ---- helpers --------------------------------------------------------------------------------

    Uni<List<MilestoneRecord>> milestones(String grantId) {
        return MilestoneRecord.list("grantId = ?1 order by idx", grantId);
    }

    Uni<GrantRecord> lockGrant(String id) {
        return GrantRecord.<GrantRecord>findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("grant", id));
    }

    private Uni<MilestoneRecord> lockMilestone(String id) {
        return MilestoneRecord.<MilestoneRecord>findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("milestone", id));
    }

    /** Members recused for the grant's application: conflicts against the committee as it is now. */
    private Uni<Set<String>> recused(CommitteeService.Committee c, GrantRecord g) {
        return ApplicationRecord.<ApplicationRecord>findById(g.applicationId).map(a -> {
            Requests.ApplicationContent content = json.read(a.contentJson, Requests.ApplicationContent.class);
            return ConflictOfInterest.recused(committees.conflictsView(c), a.applicant, a.recipient,
                    content.affiliations() == null ? List.of() : content.affiliations());
        });
    }

    private static void commit(EnvelopeRecord env, BigInteger amount) {
        try {
            env.apply(env.balance().commit(amount));
        } catch (EnvelopeBalance.OverBudget e) {
            throw new ProblemException(409, "over-budget", "Over budget", "the " + env.period + " " + env.category
                    + " envelope has " + e.available() + " free; " + e.requested() + " is needed",
                    Map.of("envelopeId", env.id, "available", e.available().toString(), "requested", e.requested().toString()));
        }
    }

    private static MilestoneRecord milestone(String grantId, int idx, String title, BigInteger amount, LocalDate due) {
        MilestoneRecord m = new MilestoneRecord();
        m.id = UUID.randomUUID().toString();
        m.grantId = grantId;
        m.idx = idx;
        m.title = title;
        m.amount = amount;
        m.due = due;
        m.status = MilestoneRecord.PLANNED;
        return m;
    }

    private static Map<String, MilestoneRecord> openById(List<MilestoneRecord> ms) {
        Map<String, MilestoneRecord> open = new HashMap<>();
        ms.stream().filter(m -> MilestoneRecord.OPEN.contains(m.status)).forEach(m -> open.put(m.id, m));
        return open;
    }

    private static Uni<Void> persistAll(List<MilestoneRecord> ms) {
        return ms.isEmpty() ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(ms).onItem().transformToUniAndConcatenate(m -> m.persist()).collect().last().replaceWithVoid();
    }

    private static void requireActive(GrantRecord g) {
        if (!GrantRecord.ACTIVE.equals(g.status)) {
            throw new ProblemException(409, "grant-not-active", "Grant not active", "the grant is " + g.status,
                    Map.of("status", g.status));
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(422, "invalid-motion", "Invalid motion", detail);
    }
}
