package io.synod.bridge.watch;

import static io.synod.bridge.Blocking.await;

import io.synod.bridge.FinalityRule;
import io.synod.bridge.chain.ChainClient;
import io.synod.bridge.chain.ChainClient.BlockHead;
import io.synod.bridge.chain.ContractCallException;
import io.synod.bridge.chain.VoteLog;
import io.synod.events.VoteEvent;
import io.synod.events.WatermarkEvent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Follows one chain's spoke. Each pass: check the stored tip against the chain (reorg → retract the
 * orphaned blocks' votes and rescan), scan new blocks (final ranges in large eth_getLogs batches, unfinal
 * blocks with their headers so a later reorg can be seen), promote votes the finality rule now covers, and
 * publish the watermark. A pass runs on a new head notification or every poll interval, whichever is first.
 */
public final class ChainWatcher implements Runnable {
    private static final Logger LOG = Logger.getLogger(ChainWatcher.class);
    /** Unfinal blocks fetched header by header per pass; the rest waits for the next pass. */
    private static final int UNFINAL_BATCH = 64;
    /** Votes per final commit the backfill aims at (see {@link #nextSpan}). */
    private static final int TARGET_LOGS = 2_000;
    /** Blocks the first final range covers; it doubles while ranges are sparse. */
    private static final int FIRST_SPAN = 16;

    private final ChainClient client;
    private final long chainId;
    private final FinalityRule rule;
    private final String spoke;
    private final long startBlock;
    private final long pollMillis;
    private final int logBatch;
    private final WatcherStore store;
    private static final java.util.concurrent.Executor PREFETCH = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;
    private volatile WatermarkEvent lastMark;
    private volatile WatermarkEvent published;
    private volatile long lastSeenAt;
    private volatile long lastScanned = -1;
    /** Counts relayed votes by finality (metrics); a no-op unless set. */
    private volatile java.util.function.ObjIntConsumer<String> relayed = (f, n) -> {};
    private long span;

    /** Whether this replica follows the chain now (holds its lease); others only serve reads. */
    private final java.util.function.BooleanSupplier following;
    private final io.opentelemetry.api.trace.Tracer tracer;

    public ChainWatcher(ChainClient client, FinalityRule rule, String spoke, long startBlock, long pollMillis, int logBatch,
                        WatcherStore store, java.util.function.BooleanSupplier following, io.opentelemetry.api.trace.Tracer tracer) {
        this.following = following;
        this.tracer = tracer;
        this.client = client;
        this.chainId = client.chainId();
        this.rule = rule;
        this.spoke = spoke.toLowerCase(java.util.Locale.ROOT);
        this.startBlock = startBlock;
        this.pollMillis = pollMillis;
        this.logBatch = logBatch;
        this.span = Math.min(logBatch, FIRST_SPAN);
        this.store = store;
    }

    /** A new head was announced (WebSocket): run a pass now. */
    public void wake() {
        wake.release();
    }

    public void stop() {
        running = false;
        wake.release();
    }

    /** The latest watermark seen (null before the first pass). */
    public WatermarkEvent watermark() {
        return lastMark;
    }

    public long chainId() {
        return chainId;
    }

    @Override
    public void run() {
        long backoff = pollMillis;
        while (running) {
            try {
                if (following.getAsBoolean()) {
                    sync();
                }
                backoff = pollMillis;
            } catch (io.synod.bridge.ChainLeases.LeaseLost e) {
                LOG.infof("chain %d: %s; its pass is dropped", chainId, e.getMessage());
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                // every endpoint failing, or the database: try again, a little later each time
                backoff = Math.min(backoff * 2, 10_000);
                LOG.warnf("chain %d: pass failed (%s: %s); next try in %d ms", chainId, e.getClass().getSimpleName(),
                        e.getMessage(), backoff);
            }
            try {
                wake.tryAcquire(backoff, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One pass; public for tests and benchmarks that drive a watcher directly. */
    public void sync() {
        BlockHead head = client.head();
        ChainCursor cursor = await(() -> store.cursor(chainId));
        long last = cursor == null ? startBlock - 1 : cursor.lastBlock;
        last = reconcile(last);
        Marks marks = marks(head);
        long from = last + 1;
        Prefetch next = null;
        while (running && from <= head.number()) {
            long to;
            if (from <= marks.finalized.number()) {
                to = Math.min(marks.finalized.number(), from + span - 1);
                List<Log> logs = next != null && next.covers(from, to) ? next.join() : logs(from, to);
                List<VoteEvent> votes = new ArrayList<>(logs.size());
                for (Log l : logs) {
                    toEvent(VoteLog.decode(l), "final", votes);
                }
                span = nextSpan(to - from + 1, logs.size());
                // read the next final range while this one commits: a backfill is then bound by the slower
                // of the two, not their sum
                long nextFrom = to + 1;
                long nextTo = Math.min(marks.finalized.number(), nextFrom + span - 1);
                next = nextFrom <= nextTo ? new Prefetch(nextFrom, nextTo, CompletableFuture.supplyAsync(
                        () -> logs(nextFrom, nextTo), PREFETCH)) : null;
                long end = to;
                traced("final", votes.size(), tp -> await(() -> store.commitFinal(chainId, startBlock, end, votes, tp)));
                relayed.accept("final", votes.size());
                lastScanned = to;
            } else {
                to = Math.min(head.number(), from + UNFINAL_BATCH - 1);
                if (!scanUnfinal(from, to)) {
                    return; // the chain changed under us: the next pass reconciles
                }
                lastScanned = to;
            }
            from = to + 1;
        }
        lastSeenAt = System.currentTimeMillis();
        WatermarkEvent mark = new WatermarkEvent(chainId, rule.toString(), mark(head), mark(marks.safe), mark(marks.finalized),
                System.currentTimeMillis());
        boolean changed = published == null || !sameBlocks(published, mark);
        relayed.accept("final", await(() -> store.advanceFinal(chainId, marks.finalized.number(), mark, changed)));
        lastMark = mark;
        if (changed) {
            published = mark;
        }
    }

    /**
     * Compares the stored tip with the chain. On a mismatch, walks the stored unfinal blocks down to the
     * newest one the chain still has, and rewinds to it. @return the last block that is still canonical
     */
    private long reconcile(long last) {
        List<SeenBlock> stored = await(() -> store.blocksFrom(chainId, Long.MIN_VALUE));
        if (stored.isEmpty() || stored.getLast().number != last) {
            return last;
        }
        SeenBlock tip = stored.getLast();
        BlockHead now = client.block(tip.number);
        if (now != null && now.hash().equals(tip.hash)) {
            return last;
        }
        long ancestor = stored.getFirst().number - 1;
        for (int i = stored.size() - 1; i >= 0; i--) {
            SeenBlock b = stored.get(i);
            BlockHead c = client.block(b.number);
            if (c != null && c.hash().equals(b.hash)) {
                ancestor = b.number;
                break;
            }
        }
        long a = ancestor;
        int retracted = await(() -> store.rewind(chainId, a));
        LOG.infof("chain %d: reorg below block %d; rewound to %d, %d vote(s) retracted", chainId, last, a, retracted);
        return a;
    }

    /** Headers and logs of unfinal blocks, checked to form one chain with what is stored. */
    private boolean scanUnfinal(long from, long to) {
        List<SeenBlock> prior = await(() -> store.blocksFrom(chainId, from - 1));
        String expectedParent = prior.isEmpty() || prior.getFirst().number != from - 1 ? null : prior.getFirst().hash;
        List<SeenBlock> blocks = new ArrayList<>();
        Map<String, SeenBlock> byHash = new HashMap<>();
        for (long n = from; n <= to; n++) {
            BlockHead h = client.block(n);
            if (h == null || (expectedParent != null && !expectedParent.equals(h.parentHash()))) {
                return false;
            }
            SeenBlock b = new SeenBlock();
            b.id = SeenBlock.id(chainId, n);
            b.chainId = chainId;
            b.number = n;
            b.hash = h.hash();
            b.parentHash = h.parentHash();
            b.timestamp = h.timestamp();
            blocks.add(b);
            byHash.put(b.hash, b);
            expectedParent = b.hash;
        }
        Map<SeenBlock, List<VoteEvent>> perBlock = new HashMap<>();
        List<VoteEvent> all = new ArrayList<>();
        for (Log l : logs(from, to)) {
            SeenBlock b = byHash.get(l.getBlockHash());
            if (b == null) {
                return false; // a log from a block we did not fetch: reorg between the calls
            }
            List<VoteEvent> in = perBlock.computeIfAbsent(b, k -> new ArrayList<>());
            toEvent(VoteLog.decode(l), "provisional", in);
        }
        perBlock.forEach((b, v) -> {
            b.votesJson = store.write(v);
            all.addAll(v);
        });
        traced("provisional", all.size(), tp -> await(() -> store.commitProvisional(chainId, startBlock, blocks, all, tp)));
        relayed.accept("provisional", all.size());
        return true;
    }

    /**
     * Runs a commit of relayed votes inside a span (when tracing is on and there are votes): the outbox keeps its
     * traceparent, so the trace goes on through Kafka into voting-service.
     */
    private void traced(String finality, int votes, java.util.function.Consumer<String> commit) {
        if (votes == 0) {
            commit.accept(null);
            return;
        }
        io.opentelemetry.api.trace.Span span = tracer.spanBuilder("relay votes").setAttribute("synod.chain_id", chainId)
                .setAttribute("synod.votes", votes).setAttribute("synod.finality", finality).startSpan();
        try {
            commit.accept(io.synod.outbox.TraceContext.of(span));
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Blocks per final range, aiming at about {@link #TARGET_LOGS} logs: dense ranges shrink so that each
     * commit is relayed while the next range is read; sparse ones grow up to the configured batch.
     */
    private long nextSpan(long blocks, int logs) {
        if (logs > TARGET_LOGS) {
            return Math.max(1, blocks * TARGET_LOGS / logs);
        }
        return logs < TARGET_LOGS / 2 ? Math.min(logBatch, blocks * 2) : blocks;
    }

    /** eth_getLogs over a range, halving it when the node refuses the size. */
    private List<Log> logs(long from, long to) {
        try {
            return client.logs(from, to, spoke, VoteLog.TOPICS);
        } catch (ContractCallException e) {
            if (from == to) {
                throw e;
            }
            long mid = from + (to - from) / 2;
            List<Log> out = new ArrayList<>(logs(from, mid));
            out.addAll(logs(mid + 1, to));
            return out;
        }
    }

    private void toEvent(VoteLog v, String finality, List<VoteEvent> out) {
        if (v.proposalId().bitLength() > 128) {
            LOG.warnf("chain %d: vote for proposal %s, which is not a hub id; ignored", chainId, v.proposalId());
            return;
        }
        BigInteger id = v.proposalId();
        String proposalId = new UUID(id.shiftRight(64).longValue(), id.longValue()).toString();
        String key = chainId + ":" + v.txHash() + ":" + v.logIndex() + ":" + v.blockHash();
        out.add(new VoteEvent(key, proposalId, chainId, v.voter(), v.approved().isEmpty() ? v.support() : null, v.approved(),
                v.weight().toString(), "onchain", finality, v.reason().isEmpty() ? null : v.reason(),
                new VoteEvent.BlockRef(v.blockNumber(), v.blockHash(), v.txHash(), v.logIndex(), 0)));
    }

    private record Marks(BlockHead safe, BlockHead finalized) {}

    /** Logs of a final range being read ahead. */
    private record Prefetch(long from, long to, CompletableFuture<List<Log>> logs) {
        boolean covers(long f, long t) {
            return from == f && to == t;
        }

        List<Log> join() {
            try {
                return logs.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    private Marks marks(BlockHead head) {
        BlockHead finalized = client.finalBlock(rule, head);
        if (finalized == null) {
            finalized = new BlockHead(-1, null, null, 0);
        }
        BlockHead safe = rule.kind() == FinalityRule.Kind.FINALIZED ? client.taggedOrConfirmed("safe", head) : finalized;
        return new Marks(safe == null || safe.number() < finalized.number() ? finalized : safe, finalized);
    }

    private static WatermarkEvent.Mark mark(BlockHead b) {
        return new WatermarkEvent.Mark(b.number(), b.hash(), b.timestamp());
    }

    private static boolean sameBlocks(WatermarkEvent a, WatermarkEvent b) {
        return a.head().equals(b.head()) && a.safe().equals(b.safe()) && a.finalized().equals(b.finalized());
    }

    public void onRelayed(java.util.function.ObjIntConsumer<String> counter) {
        this.relayed = counter;
    }

    /** The chain's head minus the last block scanned (−1 before the first pass): how far behind the watcher is. */
    public long lagBlocks() {
        WatermarkEvent m = lastMark;
        return m == null || lastScanned < 0 ? -1 : Math.max(0, m.head().number() - lastScanned);
    }

    /** Milliseconds since the last completed pass (for health); -1 before the first. */
    public long sinceLastPassMillis() {
        return lastSeenAt == 0 ? -1 : System.currentTimeMillis() - lastSeenAt;
    }

}
