package io.synod.outbox;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The event payloads every service writes to its outbox or reads from Kafka with Jackson, outside REST
 * signatures: a native image keeps their constructors and accessors only if told. Registered once here, for
 * every service that relays through the outbox; each service registers its own JSON types beside it.
 */
@RegisterForReflection(targets = {
        io.synod.events.ProposalEvent.class, io.synod.events.ChainRef.class, io.synod.events.VotingRules.class,
        io.synod.events.Allocation.class, io.synod.events.TallyEvent.class, io.synod.events.VoteEvent.class,
        io.synod.events.VoteEvent.BlockRef.class, io.synod.events.ChainClosedEvent.class,
        io.synod.events.WatermarkEvent.class, io.synod.events.WatermarkEvent.Mark.class, io.synod.events.RelayEvent.class,
        io.synod.events.PayoutRequest.class, io.synod.events.PayoutReceipt.class})
public final class EventTypes {
    private EventTypes() {}
}
