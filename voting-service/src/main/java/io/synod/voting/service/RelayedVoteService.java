package io.synod.voting.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.synod.events.ChainClosedEvent;
import io.synod.events.VoteEvent;
import io.synod.signatures.Addresses;
import io.synod.voting.repository.VoteRecord;
import io.synod.voting.repository.VoteRepository;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies governance.votes. Idempotent by the vote's key: a redelivered cast or a provisional vote seen
 * again as final changes nothing but its finality; our own signed ballots echoed back are skipped. A vote
 * for a voter already counted on that chain is kept on record but not counted (first vote stands).
 */
@ApplicationScoped
public class RelayedVoteService {
    private static final Logger LOG = Logger.getLogger(RelayedVoteService.class);
    private static final String SIGNED = "signed";
    private final VoteRepository votes;
    private final TallyService tallies;

    /** One record of governance.votes. */
    public sealed interface Change permits Cast, Retract, Closed {}

    public record Cast(VoteEvent vote) implements Change {}

    public record Retract(VoteEvent vote) implements Change {}

    public record Closed(ChainClosedEvent closing) implements Change {}

    private final Pool pool;
    private final VotingMetrics metrics;

    public RelayedVoteService(VoteRepository votes, TallyService tallies, Pool pool, VotingMetrics metrics) {
        this.metrics = metrics;
        this.votes = votes;
        this.tallies = tallies;
        this.pool = pool;
    }

    /**
     * A batch in one transaction, in order. Consecutive casts go in together (one pipelined batch for hundreds
     * of votes); a retraction or a closing is applied where it stands, so it sees exactly the casts before it.
     * This is the backfill's hot path, so it runs on the SQL client, not through the ORM. The tallies are
     * marked dirty only once the transaction committed: a refresh running between the statements and the
     * commit would see the old rows and leave the proposal clean. {@code traceparent}: the trace the tally
     * update continues (null when not traced).
     */
    public Uni<Void> apply(List<Change> changes, String traceparent) {
        Set<String> touched = new java.util.HashSet<>(); // votes changed
        Set<String> closed = new java.util.HashSet<>(); // a chain closed: the tally may turn final
        for (Change c : changes) {
            switch (c) {
                case Cast cast -> touched.add(cast.vote().proposalId());
                case Retract r -> touched.add(r.vote().proposalId());
                case Closed closing -> closed.add(closing.closing().proposalId());
            }
        }
        int[] counted = new int[2]; // newly counted as provisional, as final (first seen final, or promoted)
        return pool.withTransaction(tx -> applyInOrder(tx, changes, counted)).invoke(() -> {
            touched.forEach(id -> tallies.markDirty(id, traceparent));
            closed.forEach(id -> tallies.markUrgent(id, traceparent));
            // metrics only for what committed: a rolled-back batch is redelivered and would count twice
            metrics.applied("onchain", "provisional", counted[0]);
            metrics.applied("onchain", "final", counted[1]);
        });
    }

    private Uni<Void> applyInOrder(SqlConnection tx, List<Change> changes, int[] counted) {
        List<List<Change>> runs = new ArrayList<>();
        for (Change c : changes) {
            boolean extend = c instanceof Cast && !runs.isEmpty() && runs.getLast().getFirst() instanceof Cast;
            if (extend) {
                runs.getLast().add(c);
            } else {
                runs.add(new ArrayList<>(List.of(c)));
            }
        }
        return Multi.createFrom().iterable(runs).onItem().transformToUniAndConcatenate(run -> switch (run.getFirst()) {
            case Cast ignored -> cast(tx, run.stream().map(c -> ((Cast) c).vote()).toList(), counted);
            case Retract r -> votes.retract(tx, r.vote().voteKey()).invoke(n -> {
                if (n == 0) {
                    LOG.debugf("retraction of unknown or already retracted vote %s", r.vote().voteKey());
                }
            }).replaceWithVoid();
            case Closed c -> votes.closed(tx, c.closing().proposalId(), c.closing().chainId(), c.closing().finalizedTimestamp(),
                    c.closing().finalizedBlock());
        }).collect().last().replaceWithVoid();
    }

    private Uni<Void> cast(SqlConnection tx, List<VoteEvent> events, int[] counted) {
        // signed ballots are published by this service through its outbox, after their row committed:
        // the event is the record of a vote already counted, never a new one
        List<VoteEvent> relayed = events.stream().filter(e -> !SIGNED.equals(e.source())).toList();
        if (relayed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<VoteRecord> rows = relayed.stream().map(RelayedVoteService::record).toList();
        return votes.insertAll(tx, rows).invoke(inserted -> relayed.stream().filter(e -> inserted.contains(e.voteKey()))
                .forEach(e -> counted["final".equals(e.finality()) ? 1 : 0]++)).chain(inserted -> {
            // known votes (redelivery, or now final) and voters' second votes on a chain, kept for audit uncounted
            List<VoteRecord> rest = rows.stream().filter(v -> !inserted.contains(v.voteKey)).toList();
            rest.forEach(v -> v.countedKey = null);
            Set<String> nowFinal = relayed.stream().filter(e -> "final".equals(e.finality()) && !inserted.contains(e.voteKey()))
                    .map(VoteEvent::voteKey).collect(Collectors.toSet());
            return votes.insertAll(tx, rest).chain(() -> votes.markFinal(tx, nowFinal)).invoke(n -> counted[1] += n)
                    .replaceWithVoid();
        });
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
