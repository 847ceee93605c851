package io.synod.treasury.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.synod.events.CloudEvents;
import io.synod.events.PayoutReceipt;
import io.synod.events.PayoutRequest;
import io.synod.events.Topics;
import io.synod.outbox.Outbox;
import io.synod.rest.ProblemException;
import io.synod.signatures.Keccak;
import io.synod.treasury.JournalEntry;
import io.synod.treasury.repository.ApplicationRecord;
import io.synod.treasury.repository.EnvelopeRecord;
import io.synod.treasury.repository.FundingRecord;
import io.synod.treasury.repository.GrantRecord;
import io.synod.treasury.repository.MemberRecord;
import io.synod.treasury.repository.MilestoneRecord;
import io.synod.treasury.repository.PayoutRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.web3j.utils.Numeric;

/**
 * Payouts of approved milestones. A request goes to bridge-service through the outbox; the payout id,
 * derived from the milestone, is the vault's once-only key. Receipts are applied once: a paid payout spends
 * its envelope commitment and books the transfer; a failed attempt leaves the payout retryable.
 */
@ApplicationScoped
public class PayoutService {
    private static final Logger LOG = Logger.getLogger(PayoutService.class);
    private final Outbox outbox;
    private final Ledger ledger;
    private final AuditLog audit;
    private final BudgetService budgets;
    private final Motions motions;

    public PayoutService(Outbox outbox, Ledger ledger, AuditLog audit, BudgetService budgets, Motions motions) {
        this.outbox = outbox;
        this.ledger = ledger;
        this.audit = audit;
        this.budgets = budgets;
        this.motions = motions;
    }

    public record PayoutView(String id, String grantId, String milestoneId, String envelopeId, String dao, long chainId,
                             String vault, String asset, String recipient, String amount, String status, int attempt,
                             String txHash, long blockNumber, String blockHash, String error, Instant requestedAt,
                             Instant paidAt, Trace trace) {}

    /**
     * From the vote that allowed the money to the transaction that paid it.
     *
     * @param fundedBy            the executed treasury proposals that funded the envelope
     * @param applicationApprovals who approved the grant, and when
     * @param milestoneApprovals  who approved the milestone's evidence, and when
     * @param ledger              every posting about this payout
     */
    public record Trace(List<String> fundedBy, String envelope, String applicationId, String applicant,
                        List<Motions.VoteView> applicationApprovals, String milestone, String evidenceUri,
                        List<Motions.VoteView> milestoneApprovals, List<Ledger.Posting> ledger) {}

    /** The vault's key for a milestone's payout: at most one payment per milestone, on any chain, ever. */
    public static String payoutId(String milestoneId) {
        return Numeric.toHexString(Keccak.hash("synod:payout:" + milestoneId));
    }

    /** In the caller's transaction: the approved milestone becomes owed (ledger) and is sent for payment. */
    public Uni<Void> request(GrantRecord g, MilestoneRecord m, Actor actor) {
        PayoutRecord p = new PayoutRecord();
        p.id = payoutId(m.id);
        p.milestoneId = m.id;
        p.grantId = g.id;
        p.envelopeId = g.envelopeId;
        p.dao = g.dao;
        p.chainId = g.chainId;
        p.vault = g.vault;
        p.asset = g.asset;
        p.recipient = g.recipient;
        p.amount = m.amount;
        p.status = PayoutRecord.REQUESTED;
        p.attempt = 1;
        p.requestedAt = Instant.now();
        p.updatedAt = p.requestedAt;
        m.payoutId = p.id;
        JournalEntry owed = JournalEntry.transfer("milestone-approved", p.id, "milestone " + (m.idx + 1) + " of grant " + g.id,
                JournalEntry.grantExpense(g.envelopeId), JournalEntry.payable(g.id), g.chainId, g.asset, m.amount);
        return p.persist().chain(() -> ledger.post(owed)).chain(() -> send(p))
                .chain(() -> audit.record(actor.subject(), "payout-requested", "grant:" + g.id,
                        Map.of("payout", p.id, "milestone", m.id, "amount", m.amount.toString())));
    }

    /** A failed payout asked for again (the vault still pays it at most once). Committee members or admins. */
    public Uni<PayoutView> retry(String id, Actor actor) {
        return Panache.withTransaction(() -> lock(id).chain(p -> GrantRecord.<GrantRecord>findById(p.grantId).chain(g ->
                MemberRecord.<MemberRecord>findById(MemberRecord.id(g.committeeId, actor.subject())).chain(member -> {
                    if (member == null && !actor.admin()) {
                        throw new ProblemException(403, "not-a-member", "Not a committee member",
                                "only the grant's committee or an admin may retry its payouts");
                    }
                    if (!PayoutRecord.FAILED.equals(p.status)) {
                        throw new ProblemException(409, "payout-not-failed", "Nothing to retry", "the payout is " + p.status,
                                Map.of("status", p.status));
                    }
                    p.attempt++;
                    p.status = PayoutRecord.REQUESTED;
                    p.error = null;
                    p.updatedAt = Instant.now();
                    return send(p).chain(() -> audit.record(actor.subject(), "payout-retried", "grant:" + g.id,
                            Map.of("payout", p.id, "attempt", p.attempt)));
                })))).chain(() -> get(id));
    }

    /**
     * bridge-service's word on a payout. Idempotent: a receipt for a payout already paid, or for an attempt
     * older than the current one, changes nothing. A paid receipt is believed even after a failed one: the
     * chain is the judge of whether money moved.
     */
    public Uni<Void> onReceipt(PayoutReceipt r) {
        return Panache.withTransaction(() -> PayoutRecord.<PayoutRecord>findById(r.payoutId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(p -> {
                    if (p == null) {
                        throw new IllegalArgumentException("receipt for unknown payout " + r.payoutId());
                    }
                    if (PayoutRecord.PAID.equals(p.status)) {
                        return Uni.createFrom().voidItem();
                    }
                    if (PayoutReceipt.PAID.equals(r.status())) {
                        return paid(p, r);
                    }
                    if (r.attempt() < p.attempt) {
                        return Uni.createFrom().voidItem();
                    }
                    p.status = PayoutRecord.FAILED;
                    p.error = r.error();
                    p.txHash = r.txHash();
                    p.updatedAt = Instant.now();
                    LOG.warnf("payout %s (attempt %d) failed: %s", p.id, r.attempt(), r.error());
                    return audit.record("system:bridge", "payout-failed", "grant:" + p.grantId,
                            Map.of("payout", p.id, "attempt", r.attempt(), "error", String.valueOf(r.error())));
                }));
    }

    private Uni<Void> paid(PayoutRecord p, PayoutReceipt r) {
        p.status = PayoutRecord.PAID;
        p.txHash = r.txHash();
        p.blockNumber = r.blockNumber();
        p.blockHash = r.blockHash();
        p.error = null;
        p.paidAt = Instant.now();
        p.updatedAt = p.paidAt;
        JournalEntry moved = JournalEntry.transfer("payout-paid", p.id, "tx " + r.txHash() + " on chain " + p.chainId,
                JournalEntry.payable(p.grantId), JournalEntry.vault(p.dao), p.chainId, p.asset, p.amount);
        return MilestoneRecord.<MilestoneRecord>findById(p.milestoneId, LockModeType.PESSIMISTIC_WRITE).chain(m -> {
            m.status = MilestoneRecord.PAID;
            m.paidAt = p.paidAt;
            return budgets.lock(p.envelopeId).invoke(env -> env.apply(env.balance().spend(p.amount)))
                    .chain(() -> GrantRecord.<GrantRecord>findById(p.grantId, LockModeType.PESSIMISTIC_WRITE))
                    .chain(g -> MilestoneRecord.<MilestoneRecord>list("grantId", g.id)
                            .invoke(ms -> GrantService.completeIfDone(g, ms, List.of())))
                    .chain(() -> ledger.post(moved))
                    .chain(() -> audit.record("system:bridge", "payout-paid", "grant:" + p.grantId,
                            Map.of("payout", p.id, "txHash", String.valueOf(r.txHash()), "block", r.blockNumber())));
        });
    }

    public Uni<PayoutView> get(String id) {
        return Panache.withSession(() -> PayoutRecord.<PayoutRecord>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("payout", id)).chain(p -> trace(p).map(t -> view(p, t))));
    }

    public Uni<List<PayoutView>> ofGrant(String grantId) {
        return PayoutRecord.<PayoutRecord>list("grantId = ?1 order by requestedAt", grantId)
                .map(rows -> rows.stream().map(p -> view(p, null)).toList());
    }

    private Uni<Trace> trace(PayoutRecord p) {
        return FundingRecord.<FundingRecord>list("envelopeId = ?1 order by at", p.envelopeId).chain(fundings ->
                EnvelopeRecord.<EnvelopeRecord>findById(p.envelopeId).chain(env ->
                        GrantRecord.<GrantRecord>findById(p.grantId).chain(g ->
                                ApplicationRecord.<ApplicationRecord>findById(g.applicationId).chain(a ->
                                        MilestoneRecord.<MilestoneRecord>findById(p.milestoneId).chain(m ->
                                                motions.approvals(a.motionId).chain(appApprovals ->
                                                        motions.approvals(m.motionId).chain(msApprovals ->
                                                                ledger.about(p.id).map(postings -> new Trace(
                                                                        fundings.stream().map(f -> f.proposalId).distinct().toList(),
                                                                        env.id + " (" + env.dao + " " + env.period + " " + env.category + ")",
                                                                        a.id, a.applicant, appApprovals, m.id + " (" + m.title + ")",
                                                                        m.evidenceUri, msApprovals, postings)))))))));
    }

    private Uni<Void> send(PayoutRecord p) {
        return outbox.add(Topics.PAYOUTS, p.id, CloudEvents.PAYOUT_REQUESTED, new PayoutRequest(p.id, p.attempt, p.dao,
                p.chainId, p.vault, p.asset, p.recipient, p.amount.toString(), p.grantId, p.milestoneId));
    }

    private Uni<PayoutRecord> lock(String id) {
        return PayoutRecord.<PayoutRecord>findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("payout", id));
    }

    static PayoutView view(PayoutRecord p, Trace t) {
        return new PayoutView(p.id, p.grantId, p.milestoneId, p.envelopeId, p.dao, p.chainId, p.vault, p.asset, p.recipient,
                p.amount.toString(), p.status, p.attempt, p.txHash, p.blockNumber, p.blockHash, p.error, p.requestedAt,
                p.paidAt, t);
    }
}
