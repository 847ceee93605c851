package io.synod.treasury.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.synod.events.CloudEvents;
import io.synod.events.PayoutReceipt;
import io.synod.events.ProposalEvent;
import io.synod.outbox.IncomingEvent;
import io.synod.treasury.service.BudgetService;
import io.synod.treasury.service.PayoutService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The treasury's inputs from Kafka. Executed treasury proposals fund envelopes (idempotent by proposal and
 * allocation index); payout receipts settle payouts (idempotent by payout status and attempt). Unknown or
 * malformed records go to the dead-letter topic; a failing database is retried with backoff.
 */
@ApplicationScoped
public class TreasuryConsumer {
    public static final String PROPOSALS = "proposals";
    public static final String RECEIPTS = "receipts";

    private final ObjectMapper json;
    private final BudgetService budgets;
    private final PayoutService payouts;

    public TreasuryConsumer(ObjectMapper json, BudgetService budgets, PayoutService payouts) {
        this.json = json;
        this.budgets = budgets;
        this.payouts = payouts;
    }

    @Incoming(PROPOSALS)
    public Uni<Void> onProposal(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.of(record);
        if (e.type() == null || !e.type().startsWith(CloudEvents.PROPOSAL_PREFIX)) {
            return Uni.createFrom().failure(new IllegalArgumentException("unknown event type " + e.type()));
        }
        if (!CloudEvents.PROPOSAL_EXECUTED.equals(e.type())) {
            return Uni.createFrom().voidItem(); // only an executed proposal moves money
        }
        ProposalEvent p = parse(e, ProposalEvent.class);
        if (!"treasury".equals(p.type()) || p.allocations().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return retrying(budgets.executed(p));
    }

    @Incoming(RECEIPTS)
    public Uni<Void> onReceipt(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.of(record);
        if (!CloudEvents.PAYOUT_PAID.equals(e.type()) && !CloudEvents.PAYOUT_FAILED.equals(e.type())) {
            return Uni.createFrom().failure(new IllegalArgumentException("unknown event type " + e.type()));
        }
        return retrying(payouts.onReceipt(parse(e, PayoutReceipt.class)));
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
