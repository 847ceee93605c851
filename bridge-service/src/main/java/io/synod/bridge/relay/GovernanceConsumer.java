package io.synod.bridge.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.synod.bridge.config.ChainsConfig;
import io.synod.events.CloudEvents;
import io.synod.bridge.service.ChainRegistry;
import io.synod.events.PayoutRequest;
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
 * What the relayer owes the chains, from the hub's facts: an opening once a proposal has its window
 * (Pending, or Active if Pending was missed), a cancel when it is canceled or vetoed, a new deadline when
 * the tally extended voting, and the treasury's payouts. Other proposal events are not the bridge's
 * concern and are acknowledged.
 */
@ApplicationScoped
public class GovernanceConsumer {
    private static final Set<String> SCHEDULED = Set.of(CloudEvents.PROPOSAL_PENDING, CloudEvents.PROPOSAL_ACTIVATED);
    private static final Set<String> CANCELED = Set.of(CloudEvents.PROPOSAL_CANCELED, CloudEvents.PROPOSAL_VETOED);

    private final ObjectMapper json;
    private final RelayStore store;
    private final Relayer relayer;
    private final Map<Long, String> spokes = new HashMap<>();
    private final ChainRegistry registry;

    public GovernanceConsumer(ObjectMapper json, RelayStore store, Relayer relayer, ChainsConfig config, ChainRegistry registry) {
        this.json = json;
        this.store = store;
        this.relayer = relayer;
        this.registry = registry;
        config.chains().forEach(c -> c.spoke().ifPresent(s -> spokes.put(c.chainId(), s)));
    }

    /**
     * A payout to make: owed once per payout id and attempt (redelivery changes nothing). One this bridge
     * must not pay — an unknown chain, a vault not on the chain's allow-list, no relayer key — is reported
     * failed at once rather than dropped.
     */
    @Incoming("payouts")
    public Uni<Void> onPayout(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.of(record);
        if (!CloudEvents.PAYOUT_REQUESTED.equals(e.type())) {
            return Uni.createFrom().failure(new IllegalArgumentException("unknown event type " + e.type()));
        }
        PayoutRequest p = parse(e, PayoutRequest.class);
        String calldata;
        try {
            calldata = PayoutCall.encode(p);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("malformed payout request " + e.id() + ": " + ex.getMessage());
        }
        return retrying(store.payoutRequested(p, calldata, refusal(p))).invoke(() -> relayer.wake(p.chainId()));
    }

    private String refusal(PayoutRequest p) {
        ChainRegistry.Entry chain = registry.all().stream().filter(c -> c.chainId() == p.chainId()).findFirst().orElse(null);
        if (chain == null) {
            return "chain " + p.chainId() + " is not served by this bridge";
        }
        if (!chain.vaults().contains(p.vault().toLowerCase(java.util.Locale.ROOT))) {
            return "vault " + p.vault() + " is not one this bridge pays from on chain " + p.chainId();
        }
        return relayer.canSend() ? null : "this bridge has no relayer key";
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
