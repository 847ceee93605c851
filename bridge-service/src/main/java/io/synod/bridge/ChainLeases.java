package io.synod.bridge;

import static io.synod.bridge.Blocking.await;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.synod.bridge.config.ChainsConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Which bridge replica follows which chain. Any number of replicas serve reads; each chain's watcher and
 * relayer run in exactly one of them at a time, the holder of the chain's lease (a row per chain, renewed
 * every third of its TTL against the database's clock; {@link ChainLease}). A replica that stops renewing — crashed, paused,
 * partitioned from the database — loses its chains to another after the TTL. Writes that publish or spend
 * for a chain re-check the lease in their own transaction ({@link #fence}), so a replica that lost its lease
 * mid-pass cannot commit what it found: the new holder redoes it.
 */
@ApplicationScoped
public class ChainLeases {
    private static final Logger LOG = Logger.getLogger(ChainLeases.class);
    private final Pool pool;
    private final ChainsConfig config;
    private final Duration ttl;
    private final String me;
    private final Map<Long, Boolean> held = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private Thread renewer;

    public ChainLeases(Pool pool, ChainsConfig config, @ConfigProperty(name = "bridge.lease-ttl", defaultValue = "15s") Duration ttl,
                       @ConfigProperty(name = "HOSTNAME") Optional<String> host,
                       @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.pool = pool;
        this.config = config;
        this.ttl = ttl;
        // stable across a restart of the same pod (its name) and port: a crashed replica that comes back takes
        // its chains up again at once instead of after the TTL; two replicas never share a name
        this.me = host.filter(h -> !h.isBlank()).orElseGet(ChainLeases::localHost) + ":" + port;
    }

    private static String localHost() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "bridge-" + UUID.randomUUID().toString().substring(0, 8);
        }
    }

    /** This replica's name in the lease table: pod (host) name and HTTP port. */
    public String holder() {
        return me;
    }

    public boolean holds(long chainId) {
        return held.getOrDefault(chainId, false);
    }

    /** The chains this replica follows now. */
    public Set<Long> held() {
        return held.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
    }

    void start(@Observes StartupEvent ev) {
        if (!config.watch()) {
            return;
        }
        renewAll();
        renewer = Thread.ofPlatform().name("chain-leases").daemon().start(() -> {
            while (running) {
                try {
                    Thread.sleep(ttl.toMillis() / 3);
                } catch (InterruptedException e) {
                    return;
                }
                renewAll();
            }
        });
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        if (renewer != null) {
            renewer.interrupt();
        }
        held.replaceAll((c, h) -> false);
        // hand the chains over at once instead of after the TTL
        try {
            await(() -> pool.preparedQuery("DELETE FROM chain_lease WHERE holder = $1").execute(Tuple.of(me)).replaceWithVoid());
        } catch (RuntimeException e) {
            LOG.debugf("leases not released (%s); they expire", e.getMessage());
        }
    }

    private void renewAll() {
        for (ChainsConfig.Chain c : config.chains()) {
            boolean now;
            try {
                now = await(() -> claim(c.chainId()));
            } catch (RuntimeException e) {
                // no database, no lease: stop writing for the chain rather than risk two writers
                now = false;
                LOG.warnf("chain %d: lease not renewed (%s)", c.chainId(), e.getMessage());
            }
            Boolean before = held.put(c.chainId(), now);
            if (before == null || before != now) {
                LOG.infof("chain %d: %s", c.chainId(), now ? "this replica follows it (" + me + ")" : "another replica follows it");
            }
        }
    }

    private Uni<Boolean> claim(long chainId) {
        return pool.preparedQuery("INSERT INTO chain_lease (chain_id, holder, expires_at)"
                        + " VALUES ($1, $2, now() + $3 * interval '1 millisecond')"
                        + " ON CONFLICT (chain_id) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at"
                        + " WHERE chain_lease.holder = EXCLUDED.holder OR chain_lease.expires_at < now() RETURNING holder")
                .execute(Tuple.of(chainId, me, ttl.toMillis())).map(rows -> rows.size() == 1);
    }

    /** In a write's own transaction: fails it unless this replica still holds the chain's lease. */
    public Uni<Void> fence(SqlClient tx, long chainId) {
        return tx.preparedQuery("SELECT 1 FROM chain_lease WHERE chain_id = $1 AND holder = $2 AND expires_at > now() FOR SHARE")
                .execute(Tuple.of(chainId, me)).map(rows -> {
                    if (rows.size() != 1) {
                        held.put(chainId, false);
                        throw new LeaseLost(chainId);
                    }
                    return null;
                }).replaceWithVoid();
    }

    /** The same check for writes made through Hibernate Reactive (native query in the session's transaction). */
    public Uni<Void> fence(org.hibernate.reactive.mutiny.Mutiny.Session session, long chainId) {
        return session.createNativeQuery("SELECT count(*) FROM chain_lease WHERE chain_id = ?1 AND holder = ?2"
                        + " AND expires_at > now()", Long.class).setParameter(1, chainId).setParameter(2, me).getSingleResult()
                .map(n -> {
                    if (n != 1) {
                        held.put(chainId, false);
                        throw new LeaseLost(chainId);
                    }
                    return null;
                }).replaceWithVoid();
    }

    /** This replica no longer follows the chain: whatever it was about to write is dropped; the holder redoes it. */
    public static final class LeaseLost extends RuntimeException {
        public LeaseLost(long chainId) {
            super("chain " + chainId + ": lease lost to another replica", null, false, false);
        }
    }
}
