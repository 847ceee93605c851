package io.synod.treasury.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.synod.treasury.repository.PayoutRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * synod_payouts{status}: how many payouts are requested (in flight), paid and failed (awaiting a retry) right
 * now, read from the database. Counted from the rows, not incremented in code, so a rolled-back or retried
 * transaction, a restart or a second replica cannot make the numbers drift (docs/deploy.md: alert on failed).
 */
@ApplicationScoped
public class PayoutMetrics {
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
                .getResultList())).invoke(this::apply).replaceWithVoid();
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
