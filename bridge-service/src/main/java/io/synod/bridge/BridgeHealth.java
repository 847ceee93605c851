package io.synod.bridge;

import io.synod.bridge.relay.Relayer;
import io.synod.bridge.service.ChainRegistry;
import io.synod.bridge.watch.ChainWatchers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * bridge-service's own health, beside the database and Kafka checks Quarkus adds. Ready: every configured
 * chain has an RPC endpoint that answers with the right chain id (checked at most every 10 s). Live: the
 * watcher and relayer threads are running (a stuck chain is a metric, not a reason to restart the pod).
 */
public final class BridgeHealth {
    private BridgeHealth() {}

    @Readiness
    @ApplicationScoped
    public static class ChainsReachable implements HealthCheck {
        private static final long EVERY_MILLIS = 10_000;
        private final ChainRegistry registry;
        private volatile Map<String, Object> last = Map.of();
        private volatile boolean up;
        private volatile long checkedAt;

        public ChainsReachable(ChainRegistry registry) {
            this.registry = registry;
        }

        @Override
        public HealthCheckResponse call() {
            if (System.currentTimeMillis() - checkedAt > EVERY_MILLIS) {
                Map<String, Object> chains = new TreeMap<>();
                boolean all = true;
                for (ChainRegistry.Entry e : registry.all()) {
                    boolean ok = e.client().reachable();
                    chains.put("chain-" + e.chainId(), ok ? "reachable" : "no usable RPC endpoint");
                    all &= ok;
                }
                last = chains;
                up = all;
                checkedAt = System.currentTimeMillis();
            }
            return HealthCheckResponse.named("chain RPC").status(up).withData("chains", last.toString()).build();
        }
    }

    @Liveness
    @ApplicationScoped
    public static class WorkersAlive implements HealthCheck {
        private final ChainWatchers watchers;
        private final Relayer relayer;

        public WorkersAlive(ChainWatchers watchers, Relayer relayer) {
            this.watchers = watchers;
            this.relayer = relayer;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("chain workers").status(watchers.allAlive() && relayer.allAlive()).build();
        }
    }
}
