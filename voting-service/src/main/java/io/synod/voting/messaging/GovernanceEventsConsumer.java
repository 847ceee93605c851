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
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * governance.proposals and governance.votes into the use cases. Unknown or malformed records go to the
 * dead-letter topic, never silently away; a failing database is retried with backoff, so a record is
 * acknowledged only once applied.
 */
@ApplicationScoped
public class GovernanceEventsConsumer {
    public static final String PROPOSALS = "proposals";
    public static final String VOTES = "votes";
    private static final Logger LOG = Logger.getLogger(GovernanceEventsConsumer.class);

    private final ObjectMapper json;
    private final ProposalCatalog catalog;
    private final RelayedVoteService relayed;
    private final DeadLetters deadLetters;

    private final io.opentelemetry.api.trace.Tracer tracer;

    public GovernanceEventsConsumer(ObjectMapper json, ProposalCatalog catalog, RelayedVoteService relayed,
                                    DeadLetters deadLetters, io.opentelemetry.api.trace.Tracer tracer) {
        this.tracer = tracer;
        this.json = json;
        this.deadLetters = deadLetters;
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

    /**
     * governance.votes in batches (one poll at a time): a backfill relays tens of thousands of votes, and one
     * transaction per vote would cap the hub at a few hundred a second. A batch is applied in order in one
     * transaction; a record that cannot be applied goes to the dead-letter topic and the rest still applies.
     */
    @Incoming(VOTES)
    public Uni<Void> onVotes(ConsumerRecords<String, String> records) {
        List<RelayedVoteService.Change> changes = new ArrayList<>(records.count());
        List<Uni<Void>> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                changes.add(change(IncomingEvent.of(record)));
            } catch (IllegalArgumentException e) {
                rejected.add(deadLetters.send(record, e.getMessage()));
            }
        }
        Uni<Void> dead = rejected.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(rejected).andFailFast().replaceWithVoid();
        io.opentelemetry.api.trace.Span span = countingSpan(records, changes.size());
        String traceparent = io.synod.outbox.TraceContext.of(span);
        return dead.chain(() -> changes.isEmpty() ? Uni.createFrom().voidItem() : retrying(relayed.apply(changes, traceparent)))
                .onTermination().invoke(span::end);
    }

    /**
     * One span for the batch: the child of the relaying bridge's span when the batch holds one trace (a live
     * vote), linked to each when it holds many (a backfill). Its context goes on to the tally it changes.
     */
    private io.opentelemetry.api.trace.Span countingSpan(ConsumerRecords<String, String> records, int changes) {
        var builder = tracer.spanBuilder("count votes").setAttribute("synod.votes", changes);
        // a backfill's records share a few traceparents: each distinct one is parsed once, one parent per trace
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Map<String, io.opentelemetry.context.Context> byTrace = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            var h = r.headers().lastHeader("traceparent");
            String tp = h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
            var c = tp == null || !seen.add(tp) ? null : io.synod.outbox.TraceContext.parse(tp);
            if (c != null) {
                byTrace.putIfAbsent(io.opentelemetry.api.trace.Span.fromContext(c).getSpanContext().getTraceId(), c);
            }
        }
        if (byTrace.size() == 1) {
            builder.setParent(byTrace.values().iterator().next());
        } else {
            builder.setNoParent();
            byTrace.values().forEach(c -> builder.addLink(io.opentelemetry.api.trace.Span.fromContext(c).getSpanContext()));
        }
        return builder.startSpan();
    }

    private RelayedVoteService.Change change(IncomingEvent e) {
        if (CloudEvents.VOTE_CAST.equals(e.type())) {
            return new RelayedVoteService.Cast(read(e, VoteEvent.class));
        }
        if (CloudEvents.VOTE_RETRACTED.equals(e.type())) {
            return new RelayedVoteService.Retract(read(e, VoteEvent.class));
        }
        if (CloudEvents.CHAIN_CLOSED.equals(e.type())) {
            return new RelayedVoteService.Closed(read(e, ChainClosedEvent.class));
        }
        throw new IllegalArgumentException("unknown event type " + e.type() + " (" + e.id() + ")");
    }

    private <T> T read(IncomingEvent e, Class<T> type) {
        try {
            return json.readValue(e.payload(), type);
        } catch (Exception ex) {
            throw new IllegalArgumentException("malformed " + e.type() + " " + e.id() + ": " + ex.getMessage());
        }
    }

    private <T> Uni<T> parse(IncomingEvent e, Class<T> type) {
        return Uni.createFrom().item(() -> read(e, type));
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
