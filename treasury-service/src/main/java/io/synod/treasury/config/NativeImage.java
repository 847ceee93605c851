package io.synod.treasury.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson reads or writes outside REST signatures (event payloads through the outbox and Kafka, JSON
 * columns): a native image keeps their constructors and accessors only if told. REST types are found by Quarkus.
 */
@RegisterForReflection(targets = {
        io.synod.events.ProposalEvent.class, io.synod.events.ChainRef.class, io.synod.events.VotingRules.class,
        io.synod.events.Allocation.class, io.synod.events.PayoutRequest.class, io.synod.events.PayoutReceipt.class,
        io.synod.treasury.service.Requests.ApplicationContent.class, io.synod.treasury.service.Requests.PlannedMilestone.class,
        io.synod.treasury.service.Requests.AmendedMilestone.class, io.synod.treasury.Rubric.Criterion.class})
public final class NativeImage {
    private NativeImage() {}
}
