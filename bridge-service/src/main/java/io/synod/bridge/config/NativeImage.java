package io.synod.bridge.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson reads or writes outside REST signatures (event payloads through the outbox and Kafka, votes
 * kept with unfinal blocks): a native image keeps their constructors and accessors only if told.
 */
@RegisterForReflection(targets = {
        io.synod.events.ProposalEvent.class, io.synod.events.ChainRef.class, io.synod.events.VotingRules.class,
        io.synod.events.Allocation.class, io.synod.events.TallyEvent.class, io.synod.events.VoteEvent.class,
        io.synod.events.VoteEvent.BlockRef.class, io.synod.events.ChainClosedEvent.class,
        io.synod.events.WatermarkEvent.class, io.synod.events.WatermarkEvent.Mark.class, io.synod.events.RelayEvent.class,
        io.synod.events.PayoutRequest.class, io.synod.events.PayoutReceipt.class})
public final class NativeImage {
    private NativeImage() {}
}
