package io.synod.bridge.service;

import io.synod.bridge.chain.ChainClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Coalesces concurrent voting-power reads for the same chain, token and timepoint into one VotesLens
 * call: a burst of ballots costs the chain one EVM execution per batch instead of one per voter. A
 * batch leaves when it is full or when its window (a couple of milliseconds) closes.
 */
@ApplicationScoped
public class VotesBatcher {
    private record Key(long chainId, String token, long timepoint) {}

    private static final class Batch {
        final Key key;
        final ChainClient client;
        final List<String> accounts = new ArrayList<>();
        final List<CompletableFuture<BigInteger>> waiting = new ArrayList<>();
        boolean closed;

        Batch(Key key, ChainClient client) {
            this.key = key;
            this.client = client;
        }
    }

    private final Map<Key, Batch> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .daemon().name("votes-batch-timer").factory());
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final long windowMicros;
    private final int maxBatch;

    public VotesBatcher(@ConfigProperty(name = "bridge.votes-batch.window-micros", defaultValue = "2000") long windowMicros,
                        @ConfigProperty(name = "bridge.votes-batch.max", defaultValue = "200") int maxBatch) {
        this.windowMicros = windowMicros;
        this.maxBatch = maxBatch;
    }

    public CompletableFuture<BigInteger> votes(ChainClient client, String token, String account, long timepoint) {
        Key key = new Key(client.chainId(), token, timepoint);
        while (true) {
            Batch b = open.computeIfAbsent(key, k -> {
                Batch fresh = new Batch(k, client);
                timer.schedule(() -> flush(fresh), windowMicros, TimeUnit.MICROSECONDS);
                return fresh;
            });
            synchronized (b) {
                if (b.closed) {
                    continue; // a flush took it between lookup and lock: join the next batch
                }
                CompletableFuture<BigInteger> f = new CompletableFuture<>();
                b.accounts.add(account);
                b.waiting.add(f);
                if (b.accounts.size() >= maxBatch) {
                    calls.execute(() -> flush(b));
                }
                return f;
            }
        }
    }

    private void flush(Batch b) {
        synchronized (b) {
            if (b.closed) {
                return;
            }
            b.closed = true;
            open.remove(b.key, b);
        }
        calls.execute(() -> {
            try {
                List<BigInteger> votes = b.client.pastVotesBatch(b.key.token(), b.accounts, b.key.timepoint());
                for (int i = 0; i < votes.size(); i++) {
                    b.waiting.get(i).complete(votes.get(i));
                }
            } catch (RuntimeException e) {
                b.waiting.forEach(f -> f.completeExceptionally(e));
            }
        });
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        calls.shutdownNow();
    }
}
