package io.synod.bridge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.synod.bridge.watch.ChainWatcher;
import io.synod.bridge.watch.ChainWatchers;
import io.synod.events.WatermarkEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;

/**
 * What operators watch per chain (docs/deploy.md): votes relayed by finality, how far the watcher is behind
 * the head, how old the chain's final block is, and which replica follows the chain.
 */
@ApplicationScoped
public class BridgeMetrics {
    private final MeterRegistry registry;
    private final ChainWatchers watchers;
    private final ChainLeases leases;

    public BridgeMetrics(MeterRegistry registry, ChainWatchers watchers, ChainLeases leases) {
        this.registry = registry;
        this.watchers = watchers;
        this.leases = leases;
    }

    /** After the watchers started: observers run in ascending priority, the watchers' at the default (APPLICATION + 500). */
    void start(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 900) StartupEvent ev) {
        for (ChainWatcher w : watchers.all()) {
            String chain = String.valueOf(w.chainId());
            Counter provisional = Counter.builder("synod.bridge.votes.relayed").tag("chain", chain).tag("finality", "provisional")
                    .description("votes relayed to governance.votes").register(registry);
            Counter fin = Counter.builder("synod.bridge.votes.relayed").tag("chain", chain).tag("finality", "final")
                    .description("votes relayed to governance.votes").register(registry);
            w.onRelayed((finality, n) -> (finality.equals("final") ? fin : provisional).increment(n));
            Gauge.builder("synod.bridge.lag.blocks", w, ChainWatcher::lagBlocks).tag("chain", chain)
                    .description("the chain's head minus the last block scanned").register(registry);
            Gauge.builder("synod.bridge.final.lag.seconds", w, BridgeMetrics::finalAge).tag("chain", chain)
                    .description("age of the chain's final block by its rule").register(registry);
            Gauge.builder("synod.bridge.chain.leader", leases, l -> l.holds(w.chainId()) ? 1 : 0).tag("chain", chain)
                    .description("1 on the replica that follows the chain").register(registry);
        }
    }

    private static double finalAge(ChainWatcher w) {
        WatermarkEvent m = w.watermark();
        return m == null || m.finalized().timestamp() == 0 ? -1
                : Math.max(0, System.currentTimeMillis() / 1000.0 - m.finalized().timestamp());
    }
}
