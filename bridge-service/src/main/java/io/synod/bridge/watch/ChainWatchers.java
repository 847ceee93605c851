package io.synod.bridge.watch;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.synod.bridge.ChainLeases;
import io.synod.bridge.config.ChainsConfig;
import io.synod.bridge.service.ChainRegistry;
import io.synod.signatures.Addresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * One watcher thread per chain that has a spoke; it works only while this replica holds the chain's lease.
 * Stopped before the database pool closes.
 */
@ApplicationScoped
public class ChainWatchers {
    private static final Logger LOG = Logger.getLogger(ChainWatchers.class);
    private final ChainsConfig config;
    private final ChainRegistry registry;
    private final WatcherStore store;
    private final Map<Long, ChainWatcher> watchers = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<HeadSubscription> subscriptions = new ArrayList<>();

    private final ChainLeases leases;
    private final io.opentelemetry.api.trace.Tracer tracer;

    public ChainWatchers(ChainsConfig config, ChainRegistry registry, WatcherStore store, ChainLeases leases,
                         io.opentelemetry.api.trace.Tracer tracer) {
        this.leases = leases;
        this.tracer = tracer;
        this.config = config;
        this.registry = registry;
        this.store = store;
    }

    void start(@Observes StartupEvent ev) {
        if (!config.watch()) {
            return;
        }
        for (ChainsConfig.Chain c : config.chains()) {
            if (c.spoke().isEmpty()) {
                LOG.infof("chain %d: no spoke configured; reads only", c.chainId());
                continue;
            }
            if (!Addresses.isAddress(c.spoke().get())) {
                throw new IllegalStateException("chain " + c.chainId() + ": spoke is not an address");
            }
            ChainRegistry.Entry e = registry.get(c.chainId());
            ChainWatcher w = new ChainWatcher(e.client(), e.finality(), c.spoke().get(), c.startBlock(),
                    c.pollInterval().toMillis(), c.logBatchBlocks(), store, () -> leases.holds(c.chainId()), tracer);
            watchers.put(c.chainId(), w);
            threads.add(Thread.ofPlatform().name("watch-" + c.chainId()).daemon().start(w));
            c.wsUrl().ifPresent(url -> subscriptions.add(new HeadSubscription(c.chainId(), url, w::wake)));
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        subscriptions.forEach(HeadSubscription::close);
        watchers.values().forEach(ChainWatcher::stop);
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Every watcher thread still runs (liveness). */
    public boolean allAlive() {
        return threads.stream().allMatch(Thread::isAlive);
    }

    public java.util.Collection<ChainWatcher> all() {
        return watchers.values();
    }

    public Optional<ChainWatcher> get(long chainId) {
        return Optional.ofNullable(watchers.get(chainId));
    }

    /** The chain's watermark: this replica's own if it follows the chain, else the follower's stored cursor. */
    public io.smallrye.mutiny.Uni<io.synod.events.WatermarkEvent> watermark(long chainId) {
        ChainWatcher w = watchers.get(chainId);
        if (w != null && leases.holds(chainId) && w.watermark() != null) {
            return io.smallrye.mutiny.Uni.createFrom().item(w.watermark());
        }
        String rule = registry.get(chainId).finality().toString();
        return store.cursor(chainId).map(c -> c == null || c.headNumber == 0 ? null : new io.synod.events.WatermarkEvent(chainId,
                rule, new io.synod.events.WatermarkEvent.Mark(c.headNumber, c.headHash, c.headTimestamp),
                new io.synod.events.WatermarkEvent.Mark(c.safeNumber, c.safeHash, c.safeTimestamp),
                new io.synod.events.WatermarkEvent.Mark(c.finalNumber, c.finalHash, c.finalTimestamp),
                c.updatedAt == null ? 0 : c.updatedAt.toEpochMilli()));
    }

    /** Wake every watcher now (the relayer just wrote to a chain, for instance). */
    public void wake(long chainId) {
        get(chainId).ifPresent(ChainWatcher::wake);
    }
}
