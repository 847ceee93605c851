package io.synod.voting.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.synod.events.ChainRef;
import io.synod.rest.ProblemException;
import io.synod.signatures.Addresses;
import io.synod.voting.BallotTypedData;
import io.synod.voting.repository.NonceRepository;
import io.synod.voting.repository.ProposalRecord;
import io.synod.voting.repository.VoteRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Read side: receipts, nonces and what a wallet needs to sign a ballot. */
@ApplicationScoped
public class BallotQueries {
    private final VoteRepository votes;
    private final NonceRepository nonces;
    private final ProposalCodec codec;

    public BallotQueries(VoteRepository votes, NonceRepository nonces, ProposalCodec codec) {
        this.votes = votes;
        this.nonces = nonces;
        this.codec = codec;
    }

    public record Page<T>(List<T> items, int page, int size, long total) {}

    public record SigningDomain(long chainId, String name, String version, String verifyingContract, String token) {}

    /** The proposal as a voter sees it: when to vote, on which chains, with which EIP-712 domain. */
    public record VotingInfo(String proposalId, String onchainId, String dao, String state, long voteStart, long voteEnd,
                             String strategy, List<String> choices, String tallyStatus, List<SigningDomain> domains) {}

    @WithSession
    public Uni<Page<BallotReceipt>> receipts(String proposalId, int page, int size) {
        return ProposalRecord.<ProposalRecord>findById(proposalId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("proposal", proposalId))
                .chain(p -> votes.page(proposalId, page, size)
                        .chain(rows -> votes.countFor(proposalId)
                                .map(total -> new Page<>(rows.stream().map(BallotService::receipt).toList(), page, size, total))));
    }

    @WithSession
    public Uni<Long> nextNonce(long chainId, String voter) {
        return nonces.next(chainId, Addresses.normalize(voter));
    }

    @WithSession
    public Uni<VotingInfo> info(String proposalId) {
        return ProposalRecord.<ProposalRecord>findById(proposalId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("proposal", proposalId))
                .map(p -> {
                    var rules = codec.rules(p);
                    List<SigningDomain> domains = codec.chains(p).stream().map((ChainRef c) -> new SigningDomain(
                            c.chainId(), BallotTypedData.DOMAIN_NAME, BallotTypedData.DOMAIN_VERSION, c.spoke(), c.token())).toList();
                    return new VotingInfo(p.id, p.onchainId, p.dao, p.state, p.voteStart, p.voteEnd, rules.strategy().id(),
                            rules.choices(), p.tallyStatus, domains);
                });
    }
}
