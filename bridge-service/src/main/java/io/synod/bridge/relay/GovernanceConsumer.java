package io.synod.bridge.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.synod.bridge.config.ChainsConfig;
import io.synod.events.CloudEvents;
import io.synod.events.ProposalEvent;
import io.synod.events.TallyEvent;
import io.synod.outbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What the relayer owes the spokes, from the hub's facts: an opening once a proposal has its window
 * (Pending, or Active if Pending was missed), a cancel when it is canceled or vetoed, a new deadline when
 * the tally extended voting. Other proposal events are not the bridge's concern and are acknowledged.
 */
@ApplicationScoped
public class GovernanceConsumer {
    private static final Set<String> SCHEDULED = Set.of(CloudEvents.PROPOSAL_PENDING, CloudEvents.PROPOSAL_ACTIVATED);
    private static final Set<String> CANCELED = Set.of(CloudEvents.PROPOSAL_CANCELED, CloudEvents.PROPOSAL_VETOED);

    private final ObjectMapper json;
    private final RelayStore store;
    private final Relayer relayer;
    private final Map<Long, String> spokes = new HashMap<>();

    public GovernanceConsumer(ObjectMapper json, RelayStore store, Relayer relayer, ChainsConfig config) {
        this.json = json;
        this.store = store;
        this.relayer = relayer;
        config.chains().forEach(c -> c.spoke().ifPresent(s -> spokes.put(c.chainId(), s)));
    }

    @Incoming("proposals")
    public Uni<Void> onProposal(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.of(record);
        if (e.type() == null || !e.type().startsWith(CloudEvents.PROPOSAL_PREFIX)) {
            return Uni.createFrom().failure(new IllegalArgumentException("unknown event type " + e.type()));
        }
        if (!SCHEDULED.contains(e.type()) && !CANCELED.contains(e.type())) {
            return Uni.createFrom().voidItem();
        }
        ProposalEvent p = parse(e, ProposalEvent.class);
        Uni<Void> apply = SCHEDULED.contains(e.type()) ? store.scheduled(p, spokes, relayer.canSend())
                : store.canceled(p, relayer.canSend());
        return retrying(apply).invoke(() -> p.chains().forEach(c -> relayer.wake(c.chainId())));
    }

    @Incoming("tallies")
    public Uni<Void> onTally(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.of(record);
        if (!CloudEvents.TALLY_UPDATED.equals(e.type())) {
            return Uni.createFrom().failure(new IllegalArgumentException("unknown event type " + e.type()));
        }
        TallyEvent t = parse(e, TallyEvent.class);
        return retrying(store.extended(t.proposalId(), t.voteEnd(), relayer.canSend()))
                .invoke(() -> spokes.keySet().forEach(relayer::wake));
    }

    private <T> T parse(IncomingEvent e, Class<T> type) {
        try {
            return json.readValue(e.payload(), type);
        } catch (Exception ex) {
            throw new IllegalArgumentException("malformed " + e.type() + " " + e.id() + ": " + ex.getMessage());
        }
    }

    private static Uni<Void> retrying(Uni<Void> apply) {
        return apply.onFailure(t -> !(t instanceof IllegalArgumentException))
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).atMost(30);
    }
}
