package io.synod.bridge.relay;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.synod.bridge.ChainLeases;
import io.synod.bridge.watch.ProposalChain;
import io.synod.events.ChainRef;
import io.synod.events.CloudEvents;
import io.synod.events.PayoutReceipt;
import io.synod.events.PayoutRequest;
import io.synod.events.ProposalEvent;
import io.synod.events.RelayEvent;
import io.synod.events.Topics;
import io.synod.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The relayer's state: which proposals each chain takes part in, payouts asked for, and the transactions owed. */
@ApplicationScoped
public class RelayStore {
    private final Outbox outbox;
    private final ChainLeases leases;

    public RelayStore(Outbox outbox, ChainLeases leases) {
        this.outbox = outbox;
        this.leases = leases;
    }

    /**
     * A proposal got its window: remember it per served chain and owe each an opening. Chains this bridge
     * does not serve (or whose spoke differs from ours) are reported at once, so the failure is visible.
     * Idempotent: a redelivered event finds its rows.
     */
    public Uni<Void> scheduled(ProposalEvent p, Map<Long, String> spokes, boolean canSend) {
        boolean approval = "approval".equals(p.rules().strategy());
        return Panache.withTransaction(() -> Multi.createFrom().iterable(p.chains()).onItem().transformToUniAndConcatenate(c -> {
            String spoke = spokes.get(c.chainId());
            if (spoke == null || !spoke.equalsIgnoreCase(c.spoke())) {
                String why = spoke == null ? "chain " + c.chainId() + " is not served by this bridge"
                        : "the DAO's spoke " + c.spoke() + " is not this chain's spoke " + spoke;
                return once(p.proposalId(), c.chainId(), "open", why);
            }
            return ProposalChain.<ProposalChain>findById(ProposalChain.id(p.proposalId(), c.chainId())).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().voidItem();
                }
                ProposalChain pc = chainRow(p, c, approval);
                Uni<Void> saved = pc.persist().replaceWithVoid();
                return canSend ? saved.chain(() -> owe(p.proposalId(), c.chainId(), "open")) : saved;
            });
        }).collect().last().replaceWithVoid());
    }

    /** The hub canceled or vetoed: no closing is owed any more, and opened spokes get a cancel. */
    public Uni<Void> canceled(ProposalEvent p, boolean canSend) {
        return Panache.withTransaction(() -> ProposalChain.<ProposalChain>list("proposalId", p.proposalId())
                .chain(rows -> Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(pc -> {
                    pc.canceled = true;
                    return canSend ? owe(p.proposalId(), pc.chainId, "cancel") : Uni.createFrom().voidItem();
                }).collect().last().replaceWithVoid()));
    }

    /** The hub's voting period moved (late quorum): spokes get the new deadline, closings wait for it. */
    public Uni<Void> extended(String proposalId, long voteEnd, boolean canSend) {
        return Panache.withTransaction(() -> ProposalChain.<ProposalChain>list("proposalId = ?1 and voteEnd < ?2", proposalId, voteEnd)
                .chain(rows -> Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(pc -> {
                    pc.voteEnd = voteEnd;
                    return canSend ? owe(proposalId, pc.chainId, "extend:" + voteEnd) : Uni.createFrom().voidItem();
                }).collect().last().replaceWithVoid()));
    }

    public Uni<List<RelayAction>> due(long chainId) {
        return Panache.withSession(() -> RelayAction.<RelayAction>list("chainId = ?1 and status = ?2 order by createdAt, id",
                chainId, RelayAction.PENDING));
    }

    public Uni<ProposalChain> proposalChain(String proposalId, long chainId) {
        return Panache.withSession(() -> ProposalChain.<ProposalChain>findById(ProposalChain.id(proposalId, chainId)));
    }

    /**
     * Saves the attempt (the tx hash before its broadcast) — or the outcome, with its event. Only while this
     * replica holds the chain's lease: a replica that lost it must not broadcast what it was about to send.
     */
    public Uni<Void> save(RelayAction a) {
        a.updatedAt = Instant.now();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> leases.fence(s, a.chainId).chain(() -> s.merge(a)))
                .chain(saved -> {
            if (RelayAction.PENDING.equals(a.status)) {
                return Uni.createFrom().voidItem();
            }
            return a.isPayout() ? receipt(a) : outbox.add(Topics.RELAYS, a.subject,
                    RelayAction.CONFIRMED.equals(a.status) ? CloudEvents.RELAY_CONFIRMED : CloudEvents.RELAY_FAILED,
                    new RelayEvent(a.subject, a.chainId, a.action.split(":")[0], a.status, a.txHash, a.lastError, a.attempts));
        }));
    }

    /**
     * The treasury asked for a payout. Owed once per payout id and attempt, however often the request is
     * delivered; refused at once (and reported) when the chain or the vault is not one this bridge pays from.
     */
    public Uni<Void> payoutRequested(PayoutRequest p, String calldata, String refusal) {
        String id = "payout:" + p.payoutId() + ":" + p.attempt();
        return Panache.withTransaction(() -> RelayAction.<RelayAction>findById(id).chain(found -> {
            if (found != null) {
                return Uni.createFrom().voidItem();
            }
            RelayAction a = new RelayAction();
            a.id = id;
            a.subject = p.payoutId();
            a.chainId = p.chainId();
            a.action = RelayAction.PAYOUT;
            a.target = p.vault().toLowerCase(java.util.Locale.ROOT);
            a.calldata = calldata;
            a.payoutAttempt = p.attempt();
            a.createdAt = Instant.now();
            a.updatedAt = a.createdAt;
            if (refusal == null) {
                return a.persist().replaceWithVoid();
            }
            a.status = RelayAction.FAILED;
            a.lastError = refusal;
            return a.persist().chain(() -> receipt(a));
        }));
    }

    /** Earlier actions for the same payout (other attempts): where a search for its payment starts. */
    public Uni<Long> payoutSearchFrom(String payoutId) {
        return Panache.withSession(() -> RelayAction.<RelayAction>list("subject = ?1 and action = ?2 and fromBlock is not null",
                payoutId, RelayAction.PAYOUT).map(rows -> rows.stream().map(r -> r.fromBlock).min(Long::compare).orElse(null)));
    }

    private Uni<Void> receipt(RelayAction a) {
        boolean paid = RelayAction.CONFIRMED.equals(a.status);
        return outbox.add(Topics.RECEIPTS, a.subject, paid ? CloudEvents.PAYOUT_PAID : CloudEvents.PAYOUT_FAILED,
                new PayoutReceipt(a.subject, a.payoutAttempt, a.chainId, paid ? PayoutReceipt.PAID : PayoutReceipt.FAILED,
                        a.txHash, paid && a.minedBlock != null ? a.minedBlock : 0, paid ? a.minedHash : null,
                        paid ? null : a.lastError));
    }

    private Uni<Void> owe(String proposalId, long chainId, String action) {
        return record(proposalId, chainId, action, null);
    }

    /** An action that cannot be done at all: on record as failed, and reported once. */
    private Uni<Void> once(String proposalId, long chainId, String action, String error) {
        return record(proposalId, chainId, action, error);
    }

    /** Inserts the action unless it is known (a redelivered event); with an error it is failed and reported. */
    private Uni<Void> record(String proposalId, long chainId, String action, String error) {
        String id = proposalId + ":" + chainId + ":" + action;
        return RelayAction.<RelayAction>findById(id).chain(found -> {
            if (found != null) {
                return Uni.createFrom().voidItem();
            }
            RelayAction a = new RelayAction();
            a.id = id;
            a.subject = proposalId;
            a.chainId = chainId;
            a.action = action;
            a.createdAt = Instant.now();
            a.updatedAt = a.createdAt;
            if (error == null) {
                return a.persist().replaceWithVoid();
            }
            a.status = RelayAction.FAILED;
            a.lastError = error;
            return a.persist().chain(() -> outbox.add(Topics.RELAYS, proposalId, CloudEvents.RELAY_FAILED,
                    new RelayEvent(proposalId, chainId, action, RelayAction.FAILED, null, error, 0)));
        });
    }

    private static ProposalChain chainRow(ProposalEvent p, ChainRef c, boolean approval) {
        ProposalChain pc = new ProposalChain();
        pc.id = ProposalChain.id(p.proposalId(), c.chainId());
        pc.proposalId = p.proposalId();
        pc.onchainId = p.onchainId();
        pc.chainId = c.chainId();
        pc.token = c.token();
        pc.voteStart = p.voteStart();
        pc.voteEnd = p.voteEnd();
        // for/against/abstain proposals carry no labels: Governor's three choices
        List<String> choices = p.rules().choices();
        pc.choiceCount = choices == null || choices.isEmpty() ? 3 : choices.size();
        pc.approval = approval;
        return pc;
    }
}
