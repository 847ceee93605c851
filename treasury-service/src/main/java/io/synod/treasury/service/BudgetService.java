package io.synod.treasury.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.synod.events.Allocation;
import io.synod.events.ProposalEvent;
import io.synod.rest.ProblemException;
import io.synod.treasury.EnvelopeBalance;
import io.synod.treasury.Period;
import io.synod.treasury.repository.EnvelopeRecord;
import io.synod.treasury.repository.FundingRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Budget envelopes, funded only by executed treasury proposals. A sub-DAO's allocation is drawn from its
 * parent's envelope of the same period, category, chain and asset; if the parent lacks the money the
 * allocation is refused and recorded as such (the proposal passed, but the parent's budget rules).
 */
@ApplicationScoped
public class BudgetService {
    private static final Logger LOG = Logger.getLogger(BudgetService.class);
    private final AuditLog audit;

    public BudgetService(AuditLog audit) {
        this.audit = audit;
    }

    public record EnvelopeView(String id, String dao, String period, String category, long chainId, String asset,
                               String parentId, String allocated, String delegated, String committed, String spent,
                               String available, Instant updatedAt) {}

    public record FundingView(String id, String proposalId, String dao, String envelopeId, String drawnFromId, String period,
                              String category, long chainId, String asset, String amount, String status, String reason,
                              Instant at) {}

    /**
     * An executed treasury proposal's allocations, each applied once: the funding row's id (proposal and
     * index) makes a redelivered event change nothing.
     */
    public Uni<Void> executed(ProposalEvent p) {
        List<Allocation> allocations = p.allocations();
        return Panache.withTransaction(() -> Multi.createFrom().range(0, allocations.size()).onItem()
                .transformToUniAndConcatenate(i -> fund(p, i, allocations.get(i))).collect().last().replaceWithVoid());
    }

    private Uni<Void> fund(ProposalEvent p, int index, Allocation a) {
        String id = p.proposalId() + ":" + index;
        return FundingRecord.<FundingRecord>findById(id).chain(done -> {
            if (done != null) {
                return Uni.createFrom().voidItem();
            }
            FundingRecord f = new FundingRecord();
            f.id = id;
            f.proposalId = p.proposalId();
            f.dao = p.dao();
            f.period = Period.parse(a.period()).toString();
            f.category = a.category();
            f.chainId = a.chainId();
            f.asset = a.asset();
            f.amount = new BigInteger(a.amount());
            f.at = Instant.now();
            Uni<EnvelopeRecord> parent = p.parentDao() == null ? Uni.createFrom().nullItem()
                    : lockEnvelope(p.parentDao(), f.period, f.category, f.chainId, f.asset);
            return parent.chain(from -> {
                if (p.parentDao() != null) {
                    String refusal = drawFromParent(p, f, from);
                    if (refusal != null) {
                        f.status = FundingRecord.REFUSED;
                        f.reason = refusal;
                        LOG.warnf("allocation %s of %s refused: %s", id, p.dao(), refusal);
                        return f.persist().chain(() -> audit.record("system:proposal-executed", "funding-refused",
                                "dao:" + p.dao(), Map.of("proposalId", p.proposalId(), "reason", refusal)));
                    }
                }
                return envelope(p.dao(), f.period, f.category, f.chainId, f.asset, f.drawnFromId).chain(env -> {
                    env.apply(env.balance().fund(f.amount));
                    f.envelopeId = env.id;
                    f.status = FundingRecord.APPLIED;
                    return f.persist().chain(() -> audit.record("system:proposal-executed", "envelope-funded",
                            "envelope:" + env.id, Map.of("proposalId", p.proposalId(), "amount", f.amount.toString())));
                });
            });
        });
    }

    /** Moves a sub-DAO's allocation out of its parent's envelope. @return why it cannot, or null once done */
    private static String drawFromParent(ProposalEvent p, FundingRecord f, EnvelopeRecord from) {
        if (from == null) {
            return "the parent DAO " + p.parentDao() + " has no " + f.period + " " + f.category + " envelope of this asset";
        }
        try {
            from.apply(from.balance().delegate(f.amount));
            f.drawnFromId = from.id;
            return null;
        } catch (EnvelopeBalance.OverBudget e) {
            return "the parent's envelope has " + e.available() + " free, " + f.amount + " was allocated";
        }
    }

    /** The envelope, locked; created (empty) if it does not exist yet. */
    private Uni<EnvelopeRecord> envelope(String dao, String period, String category, long chainId, String asset, String parentId) {
        return lockEnvelope(dao, period, category, chainId, asset).chain(e -> {
            if (e != null) {
                if (e.parentId == null && parentId != null) {
                    e.parentId = parentId;
                }
                return Uni.createFrom().item(e);
            }
            EnvelopeRecord n = new EnvelopeRecord();
            n.id = UUID.randomUUID().toString();
            n.dao = dao;
            n.period = period;
            n.category = category;
            n.chainId = chainId;
            n.asset = asset;
            n.parentId = parentId;
            n.createdAt = Instant.now();
            n.updatedAt = n.createdAt;
            return n.persist();
        });
    }

    /** In the caller's transaction: the envelope's row lock serialises everything that moves its amounts. */
    public Uni<EnvelopeRecord> lockEnvelope(String dao, String period, String category, long chainId, String asset) {
        return EnvelopeRecord.<EnvelopeRecord>find("dao = ?1 and period = ?2 and category = ?3 and chainId = ?4 and asset = ?5",
                dao, period, category, chainId, asset).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<EnvelopeRecord> lock(String envelopeId) {
        return EnvelopeRecord.<EnvelopeRecord>findById(envelopeId, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("envelope", envelopeId));
    }

    public Uni<List<EnvelopeView>> list(String dao, String period) {
        String q = period == null ? "dao = ?1" : "dao = ?1 and period = ?2";
        Object[] args = period == null ? new Object[] {dao} : new Object[] {dao, period};
        return Panache.withSession(() -> EnvelopeRecord.<EnvelopeRecord>list(q + " order by period, category, chainId, asset", args))
                .map(rows -> rows.stream().map(BudgetService::view).toList());
    }

    public Uni<EnvelopeView> get(String id) {
        return Panache.withSession(() -> EnvelopeRecord.<EnvelopeRecord>findById(id)).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("envelope", id)).map(BudgetService::view);
    }

    public Uni<List<FundingView>> fundings(String dao) {
        return Panache.withSession(() -> FundingRecord.<FundingRecord>list("dao = ?1 order by at, id", dao))
                .map(rows -> rows.stream().map(BudgetService::view).toList());
    }

    public Uni<List<FundingView>> fundingsOf(String envelopeId) {
        return FundingRecord.<FundingRecord>list("envelopeId = ?1 order by at, id", envelopeId)
                .map(rows -> rows.stream().map(BudgetService::view).toList());
    }

    static EnvelopeView view(EnvelopeRecord e) {
        return new EnvelopeView(e.id, e.dao, e.period, e.category, e.chainId, e.asset, e.parentId, e.allocated.toString(),
                e.delegated.toString(), e.committed.toString(), e.spent.toString(), e.balance().available().toString(),
                e.updatedAt);
    }

    static FundingView view(FundingRecord f) {
        return new FundingView(f.id, f.proposalId, f.dao, f.envelopeId, f.drawnFromId, f.period, f.category, f.chainId,
                f.asset, f.amount.toString(), f.status, f.reason, f.at);
    }
}
