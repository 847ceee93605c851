package io.synod.proposal.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * This service's own types Jackson reads or writes outside REST signatures (JSON columns): a native image keeps
 * their constructors and accessors only if told. REST types are found by Quarkus; event payloads are registered
 * by the outbox module ({@code io.synod.outbox.EventTypes}).
 */
@RegisterForReflection(targets = {
        io.synod.proposal.ProposalContent.class, io.synod.proposal.ProposalContent.Action.class,
        io.synod.proposal.ProposalContent.Allocation.class, io.synod.proposal.TypeRules.class})
public final class NativeImage {
    private NativeImage() {}
}
