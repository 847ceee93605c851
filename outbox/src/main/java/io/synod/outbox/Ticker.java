package io.synod.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Sub-second periodic work (Quarkus' scheduler does not go below one second). Each run gets its own
 * safe duplicated Vert.x context, as Hibernate Reactive needs; a run still going is never overlapped;
 * timers stop before the database pool closes at shutdown.
 */
@ApplicationScoped
public class Ticker {
    private static final Logger LOG = Logger.getLogger(Ticker.class);
    private final Vertx vertx;
    private final List<Long> timers = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    public Ticker(Vertx vertx) {
        this.vertx = vertx;
    }

    public void every(Duration period, String name, Supplier<Uni<Void>> task) {
        AtomicBoolean running = new AtomicBoolean();
        timers.add(vertx.setPeriodic(period.toMillis(), id -> {
            if (stopped || !running.compareAndSet(false, true)) {
                return;
            }
            Context ctx = VertxContext.getOrCreateDuplicatedContext(vertx);
            VertxContextSafetyToggle.setContextSafe(ctx, true);
            ctx.runOnContext(v -> {
                Uni<Void> run;
                try {
                    run = task.get();
                } catch (RuntimeException e) {
                    run = Uni.createFrom().failure(e);
                }
                run.subscribe().with(ok -> running.set(false), e -> {
                    running.set(false);
                    if (!stopped) {
                        LOG.warnf("%s failed: %s", name, e.getMessage());
                    }
                });
            });
        }));
    }

    void stop(@Observes ShutdownEvent ev) {
        stopped = true;
        timers.forEach(vertx::cancelTimer);
    }
}
