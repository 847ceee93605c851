package io.synod.bridge.watch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.synod.bridge.ChainLeases;
import io.synod.events.ChainClosedEvent;
import io.synod.events.CloudEvents;
import io.synod.events.Topics;
import io.synod.events.VoteEvent;
import io.synod.events.WatermarkEvent;
import io.synod.outbox.Outbox;
import io.synod.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The watcher's writes. Each method is one transaction that moves the chain's cursor together with the
 * outbox records of what it covers: after a crash the cursor says exactly which facts were published.
 */
@ApplicationScoped
public class WatcherStore {
    private static final TypeReference<List<VoteEvent>> VOTES = new TypeReference<>() {};
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Pool pool;
    private final ChainLeases leases;
    private final OutboxRelay relay;

    public WatcherStore(Outbox outbox, ObjectMapper json, Pool pool, ChainLeases leases, OutboxRelay relay) {
        this.relay = relay;
        this.outbox = outbox;
        this.json = json;
        this.pool = pool;
        this.leases = leases;
    }

    public Uni<ChainCursor> cursor(long chainId) {
        return Panache.withSession(() -> ChainCursor.<ChainCursor>findById(chainId));
    }

    /** Stored unfinal blocks from {@code from} up, by number. */
    public Uni<List<SeenBlock>> blocksFrom(long chainId, long from) {
        return Panache.withSession(() -> SeenBlock.<SeenBlock>list("chainId = ?1 and number >= ?2 order by number", chainId, from));
    }

    /**
     * Final votes from a final range; the range needs no block record, it cannot reorg. A backfill commits
     * tens of thousands of votes this way, so it runs on the SQL client: the cursor row locked, the votes
     * inserted into the outbox as one pipelined batch, the cursor moved — one transaction.
     */
    public Uni<Void> commitFinal(long chainId, long startBlock, long to, List<VoteEvent> votes, String traceparent) {
        return pool.withTransaction(tx -> leases.fence(tx, chainId)
                .chain(() -> tx.preparedQuery(NEW_CURSOR).execute(Tuple.of(chainId, startBlock - 1)))
                .chain(() -> tx.preparedQuery("SELECT last_block FROM chain_cursor WHERE chain_id = $1 FOR UPDATE")
                        .execute(Tuple.of(chainId)))
                .chain(() -> outbox.addAll(tx, Topics.VOTES, CloudEvents.VOTE_CAST, votes, VoteEvent::proposalId, traceparent))
                .chain(() -> tx.preparedQuery("UPDATE chain_cursor SET last_block = $2, final_block = $2, updated_at = $3"
                        + " WHERE chain_id = $1").execute(Tuple.of(chainId, to, OffsetDateTime.now(ZoneOffset.UTC))))
                .replaceWithVoid()).invoke(() -> {
                    if (!votes.isEmpty()) {
                        relay.wake(); // a backfill: the relay starts on this range while the next one is read
                    }
                });
    }

    private static final String NEW_CURSOR = "INSERT INTO chain_cursor (chain_id, last_block, final_block, head_number,"
            + " head_timestamp, safe_number, safe_timestamp, final_number, final_timestamp, updated_at)"
            + " VALUES ($1, $2, $2, 0, 0, 0, 0, 0, 0, now()) ON CONFLICT DO NOTHING";

    /** Unfinal blocks with the votes in them, relayed as provisional. */
    public Uni<Void> commitProvisional(long chainId, long startBlock, List<SeenBlock> blocks, List<VoteEvent> votes,
                                       String traceparent) {
        blocks.stream().filter(b -> !"[]".equals(b.votesJson)).forEach(b -> b.traceparent = traceparent);
        return Panache.withTransaction(() -> lockCursor(chainId, startBlock).chain(c -> Multi.createFrom().iterable(blocks)
                .onItem().transformToUniAndConcatenate(b -> b.persist()).collect().last()
                .chain(() -> publish(votes, CloudEvents.VOTE_CAST, traceparent))
                .invoke(() -> {
                    c.lastBlock = blocks.getLast().number;
                    c.updatedAt = Instant.now();
                }))).invoke(() -> {
                    if (!votes.isEmpty()) {
                        relay.wake(); // the live path: block → tally without waiting for the relay's tick
                    }
                });
    }

    /**
     * A reorg replaced every block above {@code ancestor}: retract their votes and forget them. The new
     * branch is then scanned like any new block, so a vote it re-includes is relayed again (new block hash,
     * new vote key) and counted once.
     */
    public Uni<Integer> rewind(long chainId, long ancestor) {
        return Panache.withTransaction(() -> lockCursor(chainId, 0).chain(c -> SeenBlock.<SeenBlock>list(
                "chainId = ?1 and number > ?2 order by number", chainId, ancestor).chain(orphans -> {
            List<VoteEvent> retracted = new ArrayList<>();
            orphans.forEach(b -> retracted.addAll(votes(b)));
            return Multi.createFrom().iterable(orphans).onItem()
                    .transformToUniAndConcatenate(b -> publish(votes(b), CloudEvents.VOTE_RETRACTED, b.traceparent))
                    .collect().last()
                    .chain(() -> SeenBlock.delete("chainId = ?1 and number > ?2", chainId, ancestor))
                    .invoke(() -> {
                        c.lastBlock = Math.min(c.lastBlock, ancestor);
                        c.finalBlock = Math.min(c.finalBlock, ancestor);
                        c.updatedAt = Instant.now();
                    })
                    .replaceWith(retracted.size());
        }))).invoke(relay::wake);
    }

    /**
     * The chain's final block moved to {@code finalNumber}: relay the provisional votes now final, publish
     * the watermark, then close every proposal whose voteEnd the final block passed. The closings come after
     * the votes in the outbox, so a consumer of governance.votes sees every vote before the closing.
     * @return how many provisional votes were relayed again as final
     */
    public Uni<Integer> advanceFinal(long chainId, long finalNumber, WatermarkEvent mark, boolean publishMark) {
        int[] promoted = new int[1];
        int[] closed = new int[1];
        return Panache.withTransaction(() -> lockCursor(chainId, 0).chain(c -> {
            long upTo = Math.min(finalNumber, c.lastBlock);
            Uni<Void> promote = upTo <= c.finalBlock ? Uni.createFrom().voidItem()
                    : SeenBlock.<SeenBlock>list("chainId = ?1 and number > ?2 and number <= ?3 order by number",
                            chainId, c.finalBlock, upTo).chain(blocks -> Multi.createFrom().iterable(blocks).onItem()
                            .transformToUniAndConcatenate(b -> {
                                List<VoteEvent> finals = votes(b).stream().map(WatcherStore::asFinal).toList();
                                promoted[0] += finals.size();
                                // the final relay continues the trace its provisional relay started
                                return publish(finals, CloudEvents.VOTE_CAST, b.traceparent);
                            }).collect().last())
                    // keep the newest final block: the next reorg check compares against it
                    .chain(() -> SeenBlock.delete("chainId = ?1 and number < ?2", chainId, upTo)).replaceWithVoid();
            return promote.chain(() -> {
                if (upTo > c.finalBlock) {
                    c.finalBlock = upTo;
                }
                boolean final_ = c.finalBlock >= mark.finalized().number();
                apply(c, mark, final_);
                Uni<Void> published = publishMark
                        ? outbox.add(Topics.WATERMARKS, String.valueOf(chainId), CloudEvents.WATERMARK, mark) : Uni.createFrom().voidItem();
                // a proposal closes only once every vote up to the final block is relayed as final
                return final_ ? published.chain(() -> close(chainId, c.finalNumber, c.finalTimestamp)).invoke(n -> closed[0] = n)
                        .replaceWithVoid() : published;
            });
        })).invoke(() -> {
            if (promoted[0] > 0 || closed[0] > 0 || publishMark) {
                relay.wake(); // finals, closings and marks end a tally's wait: not a tick later
            }
        }).map(ignored -> promoted[0]);
    }

    /** @return how many proposals closed on this chain */
    private Uni<Integer> close(long chainId, long finalNumber, long finalTimestamp) {
        return ProposalChain.<ProposalChain>list("chainId = ?1 and voteEnd < ?2 and closedFor <> voteEnd and canceled = false",
                chainId, finalTimestamp).chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(pc -> {
            pc.closedFor = pc.voteEnd;
            return outbox.add(Topics.VOTES, pc.proposalId, CloudEvents.CHAIN_CLOSED,
                    new ChainClosedEvent(pc.proposalId, chainId, pc.voteEnd, finalNumber, finalTimestamp));
        }).collect().last().replaceWith(due.size()));
    }

    private static void apply(ChainCursor c, WatermarkEvent m, boolean final_) {
        c.headNumber = m.head().number();
        c.headHash = m.head().hash();
        c.headTimestamp = m.head().timestamp();
        c.safeNumber = m.safe().number();
        c.safeHash = m.safe().hash();
        c.safeTimestamp = m.safe().timestamp();
        if (final_) {
            c.finalNumber = m.finalized().number();
            c.finalHash = m.finalized().hash();
            c.finalTimestamp = m.finalized().timestamp();
        }
        c.updatedAt = Instant.now();
    }

    /** The cursor, locked, in a transaction that commits only while this replica holds the chain's lease. */
    private Uni<ChainCursor> lockCursor(long chainId, long startBlock) {
        return Panache.getSession().chain(s -> leases.fence(s, chainId)).chain(() -> ChainCursor.<ChainCursor>findById(chainId,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)).chain(c -> {
            if (c != null) {
                return Uni.createFrom().item(c);
            }
            ChainCursor fresh = new ChainCursor();
            fresh.chainId = chainId;
            fresh.lastBlock = startBlock - 1;
            fresh.finalBlock = startBlock - 1;
            fresh.updatedAt = Instant.now();
            return fresh.persist();
        });
    }

    private Uni<Void> publish(List<VoteEvent> votes, String type, String traceparent) {
        return Multi.createFrom().iterable(votes).onItem()
                .transformToUniAndConcatenate(v -> outbox.add(Topics.VOTES, v.proposalId(), type, v, traceparent))
                .collect().last().replaceWithVoid();
    }

    public String write(List<VoteEvent> votes) {
        try {
            return json.writeValueAsString(votes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<VoteEvent> votes(SeenBlock b) {
        try {
            return json.readValue(b.votesJson, VOTES);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable votes of block " + b.id, e);
        }
    }

    private static VoteEvent asFinal(VoteEvent v) {
        return new VoteEvent(v.voteKey(), v.proposalId(), v.chainId(), v.voter(), v.support(), v.choices(), v.weight(),
                v.source(), "final", v.reason(), v.block());
    }
}
