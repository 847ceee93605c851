package io.synod.voting.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.synod.events.ChainClosedEvent;
import io.synod.events.CloudEvents;
import io.synod.events.ProposalEvent;
import io.synod.events.VoteEvent;
import io.synod.outbox.IncomingEvent;
import io.synod.voting.service.ProposalCatalog;
import io.synod.voting.service.RelayedVoteService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * governance.proposals and governance.votes into the use cases. Unknown or malformed records fail
 * (to the dead-letter topic, never silently); a failing database is retried with backoff, so a record
 * is acknowledged only once applied.
 */
@ApplicationScoped
public class GovernanceEventsConsumer {
    public static final String PROPOSALS = "proposals";
    public static final String VOTES = "votes";
    private static final Logger LOG = Logger.getLogger(GovernanceEventsConsumer.class);

    private final ObjectMapper json;
    private final ProposalCatalog catalog;
    private final RelayedVoteService relayed;

    public GovernanceEventsConsumer(ObjectMapper json, ProposalCatalog catalog, RelayedVoteService relayed) {
        this.json = json;
        this.catalog = catalog;
        this.relayed = relayed;
    }

    @Incoming(PROPOSALS)
    public Uni<Void> onProposal(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.of(record);
        if (e.type() == null || !e.type().startsWith(CloudEvents.PROPOSAL_PREFIX)) {
            return reject(e);
        }
        return parse(e, ProposalEvent.class).chain(p -> retrying(catalog.apply(p)));
    }

    @Incoming(VOTES)
    public Uni<Void> onVote(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.of(record);
        if (CloudEvents.VOTE_CAST.equals(e.type())) {
            return parse(e, VoteEvent.class).chain(v -> retrying(relayed.cast(v)));
        }
        if (CloudEvents.VOTE_RETRACTED.equals(e.type())) {
            return parse(e, VoteEvent.class).chain(v -> retrying(relayed.retract(v)));
        }
        if (CloudEvents.CHAIN_CLOSED.equals(e.type())) {
            return parse(e, ChainClosedEvent.class).chain(c -> retrying(relayed.closed(c)));
        }
        return reject(e);
    }

    private <T> Uni<T> parse(IncomingEvent e, Class<T> type) {
        return Uni.createFrom().item(() -> {
            try {
                return json.readValue(e.payload(), type);
            } catch (Exception ex) {
                throw new IllegalArgumentException("malformed " + e.type() + " " + e.id() + ": " + ex.getMessage());
            }
        });
    }

    private static Uni<Void> retrying(Uni<Void> apply) {
        return apply.onFailure(t -> !(t instanceof IllegalArgumentException))
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).atMost(30);
    }

    private static Uni<Void> reject(IncomingEvent e) {
        LOG.warnf("rejecting event %s of unknown type %s", e.id(), e.type());
        return Uni.createFrom().failure(new IllegalArgumentException("unknown event type " + e.type()));
    }
}
