package io.synod.voting.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.synod.events.ChainClosedEvent;
import io.synod.events.VoteEvent;
import io.synod.voting.repository.ChainClosure;
import io.synod.signatures.Addresses;
import io.synod.voting.repository.VoteRecord;
import io.synod.voting.repository.VoteRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.Instant;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies votes from governance.votes. Idempotent by the vote's key: a redelivered cast or a provisional
 * vote seen again as final changes nothing but its finality; our own signed ballots echoed back are skipped.
 * A vote for a voter already counted on that chain is kept on record but not counted (first vote stands).
 */
@ApplicationScoped
public class RelayedVoteService {
    private static final Logger LOG = Logger.getLogger(RelayedVoteService.class);
    private static final String SIGNED = "signed";
    private final VoteRepository votes;
    private final TallyService tallies;

    public RelayedVoteService(VoteRepository votes, TallyService tallies) {
        this.votes = votes;
        this.tallies = tallies;
    }

    @WithTransaction
    public Uni<Void> cast(VoteEvent e) {
        if (SIGNED.equals(e.source())) {
            // signed ballots are published by this service through its outbox, after their row committed:
            // the event is the record of a vote already counted, never a new one
            return Uni.createFrom().voidItem();
        }
        VoteRecord v = record(e);
        return votes.insertIfNew(v).chain(id -> {
            if (id != null) {
                return Uni.createFrom().voidItem();
            }
            // known vote (redelivery, or now final) — or the voter's second vote on this chain, kept for audit
            if ("final".equals(e.finality())) {
                return votes.markFinal(e.voteKey()).replaceWithVoid();
            }
            return keepUncounted(v);
        }).invoke(() -> tallies.markDirty(e.proposalId()));
    }

    @WithTransaction
    public Uni<Void> retract(VoteEvent e) {
        return votes.retract(e.voteKey()).invoke(n -> {
            if (n == 0) {
                LOG.debugf("retraction of unknown or already retracted vote %s", e.voteKey());
            }
            tallies.markDirty(e.proposalId());
        }).replaceWithVoid();
    }

    /** A chain closed for the proposal: keep the newest closing; the tally decides what it means. */
    @WithTransaction
    public Uni<Void> closed(ChainClosedEvent e) {
        String id = e.proposalId() + ":" + e.chainId();
        return ChainClosure.<ChainClosure>findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).chain(c -> {
            if (c == null) {
                ChainClosure fresh = new ChainClosure();
                fresh.id = id;
                fresh.proposalId = e.proposalId();
                fresh.chainId = e.chainId();
                fresh.finalizedTimestamp = e.finalizedTimestamp();
                fresh.finalizedBlock = e.finalizedBlock();
                return fresh.persist().replaceWithVoid();
            }
            if (e.finalizedTimestamp() > c.finalizedTimestamp) {
                c.finalizedTimestamp = e.finalizedTimestamp();
                c.finalizedBlock = e.finalizedBlock();
            }
            return Uni.createFrom().voidItem();
        }).invoke(() -> tallies.markDirty(e.proposalId()));
    }

    private Uni<Void> keepUncounted(VoteRecord v) {
        v.countedKey = null;
        return votes.insertIfNew(v).replaceWithVoid();
    }

    private static VoteRecord record(VoteEvent e) {
        VoteRecord v = new VoteRecord();
        v.voteKey = e.voteKey();
        v.proposalId = e.proposalId();
        v.chainId = e.chainId();
        v.voter = Addresses.normalize(e.voter());
        v.countedKey = e.proposalId() + ":" + e.chainId() + ":" + v.voter;
        v.support = e.support();
        v.approved = e.choices() == null || e.choices().isEmpty() ? null
                : e.choices().stream().map(String::valueOf).collect(Collectors.joining(","));
        v.weight = new BigInteger(e.weight());
        v.source = e.source();
        v.finality = e.finality();
        v.reason = e.reason() == null || e.reason().length() <= 1024 ? e.reason() : e.reason().substring(0, 1024);
        if (e.block() != null) {
            v.blockNumber = e.block().number();
            v.blockHash = e.block().hash();
            v.txHash = e.block().txHash();
            v.logIndex = e.block().logIndex();
        }
        v.receivedAt = Instant.now();
        return v;
    }
}
