package io.synod.voting.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.synod.events.ProposalEvent;
import io.synod.voting.repository.ProposalRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;

/** Keeps voting-service's copy of each proposal, from governance.proposals. Idempotent: an upsert by id. */
@ApplicationScoped
public class ProposalCatalog {
    private static final Set<String> ENDED_EARLY = Set.of("canceled", "vetoed");
    private final ProposalCodec codec;
    private final TallyService tallies;

    public ProposalCatalog(ProposalCodec codec, TallyService tallies) {
        this.codec = codec;
        this.tallies = tallies;
    }

    /** The tally is marked dirty once the change committed, so the refresh that follows sees it. */
    public Uni<Void> apply(ProposalEvent e) {
        return Panache.withTransaction(() -> ProposalRecord.<ProposalRecord>findById(e.proposalId()).chain(existing -> {
            ProposalRecord p = existing != null ? existing : new ProposalRecord();
            p.id = e.proposalId();
            p.onchainId = e.onchainId();
            p.dao = e.dao();
            p.state = e.state();
            if (e.voteStart() > 0) {
                p.voteStart = e.voteStart();
                p.voteEnd = Math.max(p.voteEnd, e.voteEnd()); // a late-quorum extension here outranks the original
            }
            p.chainsJson = codec.write(e.chains());
            p.rulesJson = codec.write(e.rules());
            if (ENDED_EARLY.contains(e.state()) && ProposalRecord.OPEN.equals(p.tallyStatus)) {
                p.tallyStatus = ProposalRecord.CANCELED;
                p.closedReason = e.state();
            }
            p.updatedAt = Instant.now();
            Uni<ProposalRecord> saved = existing != null ? Uni.createFrom().item(p) : p.persist();
            return saved;
        })).invoke(() -> tallies.markDirty(e.proposalId())).replaceWithVoid();
    }
}
