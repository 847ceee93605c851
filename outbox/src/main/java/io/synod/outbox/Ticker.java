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

    /**
     * Runs {@code task} every {@code period}. @return a trigger that runs it now (once more after the current
     * run, if one is going): for writers that know they just committed work for it
     */
    public Runnable every(Duration period, String name, Supplier<Uni<Void>> task) {
        AtomicBoolean running = new AtomicBoolean();
        AtomicBoolean again = new AtomicBoolean();
        Runnable[] run = new Runnable[1];
        run[0] = () -> {
            if (stopped) {
                return;
            }
            if (!running.compareAndSet(false, true)) {
                again.set(true);
                return;
            }
            again.set(false);
            Context ctx = VertxContext.getOrCreateDuplicatedContext(vertx);
            VertxContextSafetyToggle.setContextSafe(ctx, true);
            ctx.runOnContext(v -> {
                Uni<Void> once;
                try {
                    once = task.get();
                } catch (RuntimeException e) {
                    once = Uni.createFrom().failure(e);
                }
                once.subscribe().with(ok -> done(running, again, run[0]), e -> {
                    if (!stopped) {
                        LOG.warnf("%s failed: %s", name, e.getMessage());
                    }
                    done(running, again, run[0]);
                });
            });
        };
        timers.add(vertx.setPeriodic(period.toMillis(), id -> run[0].run()));
        return run[0];
    }

    private static void done(AtomicBoolean running, AtomicBoolean again, Runnable run) {
        running.set(false);
        if (again.getAndSet(false)) {
            run.run();
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        stopped = true;
        timers.forEach(vertx::cancelTimer);
    }
}
