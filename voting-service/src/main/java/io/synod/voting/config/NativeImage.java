package io.synod.voting.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * This service's own types Jackson reads or writes outside REST signatures (JSON columns): a native image keeps
 * their constructors and accessors only if told. REST types are found by Quarkus; event payloads are registered
 * by the outbox module ({@code io.synod.outbox.EventTypes}).
 */
@RegisterForReflection(targets = {
        io.synod.voting.service.TallyView.class, io.synod.voting.service.TallyView.ChoiceTotal.class,
        io.synod.voting.service.TallyView.ChainTotal.class})
public final class NativeImage {
    private NativeImage() {}
}
