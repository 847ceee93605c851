package io.synod.proposal.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.synod.outbox.Ticker;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.synod.proposal.repository.ProposalRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Moves proposals on when their time comes (Pending → Active, Succeeded → Queued, Queued → Expired).
 * The database says what is due, so a restart loses nothing; each transition re-checks under the row
 * lock, so it happens once even with several replicas.
 */
@ApplicationScoped
public class ProposalClock {
    private static final Logger LOG = Logger.getLogger(ProposalClock.class);
    private final ProposalService proposals;

    public ProposalClock(ProposalService proposals) {
        this.proposals = proposals;
    }

    void start(@Observes StartupEvent ev, Ticker ticker,
               @ConfigProperty(name = "synod.clock.tick", defaultValue = "PT0.25S") Duration every) {
        ticker.every(every, "proposal clock", this::tick);
    }

    Uni<Void> tick() {
        long now = Instant.now().getEpochSecond();
        return Panache.withSession(() -> ProposalRecord.<ProposalRecord>list(
                        "(state = 'pending' and voteStart <= ?1) or state = 'succeeded' or state = 'queued'", now))
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(p -> proposals.advance(p.id, now)
                                .onFailure().recoverWithUni(e -> {
                                    LOG.warnf("proposal %s not advanced yet: %s", p.id, e.getMessage());
                                    return Uni.createFrom().voidItem();
                                }))
                        .collect().last())
                .replaceWithVoid();
    }
}
