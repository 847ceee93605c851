package io.synod.proposal.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson reads or writes outside REST signatures (event payloads through the outbox and Kafka, JSON
 * columns): a native image keeps their constructors and accessors only if told. REST types are found by Quarkus.
 */
@RegisterForReflection(targets = {
        io.synod.events.ProposalEvent.class, io.synod.events.ChainRef.class, io.synod.events.VotingRules.class,
        io.synod.events.Allocation.class, io.synod.events.TallyEvent.class,
        io.synod.proposal.ProposalContent.class, io.synod.proposal.ProposalContent.Action.class,
        io.synod.proposal.ProposalContent.Allocation.class, io.synod.proposal.TypeRules.class})
public final class NativeImage {
    private NativeImage() {}
}
