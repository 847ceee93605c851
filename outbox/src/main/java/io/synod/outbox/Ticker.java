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
        Task t = new Task(name, task);
        timers.add(vertx.setPeriodic(period.toMillis(), id -> t.run()));
        return t;
    }

    /** One periodic task: never overlapped; a trigger during a run asks for one more run after it. */
    private final class Task implements Runnable {
        private final String name;
        private final Supplier<Uni<Void>> task;
        private final AtomicBoolean running = new AtomicBoolean();
        private final AtomicBoolean again = new AtomicBoolean();

        Task(String name, Supplier<Uni<Void>> task) {
            this.name = name;
            this.task = task;
        }

        @Override
        public void run() {
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
                once.subscribe().with(ok -> done(), e -> {
                    if (!stopped) {
                        LOG.warnf("%s failed: %s", name, e.getMessage());
                    }
                    done();
                });
            });
        }

        private void done() {
            running.set(false);
            if (again.getAndSet(false)) {
                run();
            }
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        stopped = true;
        timers.forEach(vertx::cancelTimer);
    }
}
