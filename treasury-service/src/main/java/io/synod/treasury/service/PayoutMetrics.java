package io.synod.treasury.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.synod.treasury.repository.PayoutRecord;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * synod_payouts{status}: how many payouts are requested (in flight), paid and failed (awaiting a retry) right
 * now, read from the database. Counted from the rows, not incremented in code, so a rolled-back or retried
 * transaction, a restart or a second replica cannot make the numbers drift (docs/deploy.md: alert on failed).
 */
@ApplicationScoped
public class PayoutMetrics {
    private static final Logger LOG = Logger.getLogger(PayoutMetrics.class);
    private volatile boolean stopping;
    private final Map<String, AtomicLong> byStatus = Map.of(PayoutRecord.REQUESTED, new AtomicLong(),
            PayoutRecord.PAID, new AtomicLong(), PayoutRecord.FAILED, new AtomicLong());

    public PayoutMetrics(MeterRegistry registry) {
        byStatus.forEach((status, n) -> Gauge.builder("synod.payouts", n, AtomicLong::get).tag("status", status)
                .description("treasury payouts by status").register(registry));
    }

    @Scheduled(every = "${treasury.metrics.refresh:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return Panache.withSession(() -> PayoutRecord.getSession().chain(s -> s
                .createQuery("select p.status, count(p) from PayoutRecord p group by p.status", Object[].class)
                .getResultList())).invoke(this::apply).replaceWithVoid()
                .onFailure().invoke(e -> {
                    if (!stopping) {
                        LOG.warnf("payout metrics not refreshed: %s", e.getMessage());
                    }
                }).onFailure().recoverWithNull();
    }

    /** The scheduler may still fire while the database pool closes: that is not worth a warning. */
    void stop(@Observes ShutdownEvent ev) {
        stopping = true;
    }

    private void apply(List<Object[]> rows) {
        byStatus.values().forEach(n -> n.set(0));
        for (Object[] row : rows) {
            AtomicLong n = byStatus.get((String) row[0]);
            if (n != null) {
                n.set(((Number) row[1]).longValue());
            }
        }
    }
}
