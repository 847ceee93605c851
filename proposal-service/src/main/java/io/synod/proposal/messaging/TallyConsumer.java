package io.synod.proposal.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.synod.events.CloudEvents;
import io.synod.events.TallyEvent;
import io.synod.outbox.IncomingEvent;
import io.synod.proposal.service.ProposalService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** governance.tallies: idempotent by tally version (older or equal versions change nothing). */
@ApplicationScoped
public class TallyConsumer {
    public static final String TALLIES = "tallies";
    private final ObjectMapper json;
    private final ProposalService proposals;

    public TallyConsumer(ObjectMapper json, ProposalService proposals) {
        this.json = json;
        this.proposals = proposals;
    }

    @Incoming(TALLIES)
    public Uni<Void> onTally(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.of(record);
        if (!CloudEvents.TALLY_UPDATED.equals(e.type())) {
            return Uni.createFrom().failure(new IllegalArgumentException("unknown event type " + e.type()));
        }
        TallyEvent tally;
        try {
            tally = json.readValue(e.payload(), TallyEvent.class);
        } catch (Exception ex) {
            return Uni.createFrom().failure(new IllegalArgumentException("malformed tally " + e.id(), ex));
        }
        return proposals.onTally(tally).onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).atMost(30);
    }
}
