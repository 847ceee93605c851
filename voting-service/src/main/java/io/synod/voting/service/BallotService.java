package io.synod.voting.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.synod.events.ChainRef;
import io.synod.events.CloudEvents;
import io.synod.events.Topics;
import io.synod.events.VoteEvent;
import io.synod.outbox.Outbox;
import io.synod.rest.ProblemException;
import io.synod.signatures.Addresses;
import io.synod.signatures.SignerRecovery;
import io.synod.voting.BallotTypedData;
import io.synod.voting.TallyRules;
import io.synod.voting.repository.NonceRepository;
import io.synod.voting.repository.ProposalRecord;
import io.synod.voting.repository.VoteRecord;
import io.synod.voting.repository.VoteRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Accepts gasless ballots. A ballot counts only if: the proposal is open, the chain participates, the
 * signature recovers to the voter under that chain's domain, the nonce is the voter's next one on that
 * chain, the choice exists, the voter had votes at voteStart, and the voter has no counted vote on that
 * chain yet (the first counted vote stands, whichever path it came by).
 */
@ApplicationScoped
public class BallotService {
    private final ProposalCodec codec;
    private final WeightSource weights;
    private final VoteRepository votes;
    private final NonceRepository nonces;
    private final TallyService tallies;
    private final Outbox outbox;
    private final VotingMetrics metrics;

    public BallotService(ProposalCodec codec, WeightSource weights, VoteRepository votes, NonceRepository nonces,
                         TallyService tallies, Outbox outbox, VotingMetrics metrics) {
        this.metrics = metrics;
        this.codec = codec;
        this.weights = weights;
        this.votes = votes;
        this.nonces = nonces;
        this.tallies = tallies;
        this.outbox = outbox;
    }

    public Uni<BallotReceipt> submit(String proposalId, BallotRequest b) {
        String voter = Addresses.normalize(b.voter());
        long now = Instant.now().getEpochSecond();
        return Panache.withSession(() -> ProposalRecord.<ProposalRecord>findById(proposalId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("proposal", proposalId))
                .map(p -> check(p, b, voter, now))
                .chain(c -> weights.votesAt(c.chain(), voter, c.proposal().voteStart)
                        .chain(weight -> persist(c, b, voter, weight)));
    }

    private record Checked(ProposalRecord proposal, ChainRef chain) {}

    private Checked check(ProposalRecord p, BallotRequest b, String voter, long now) {
        if (!ProposalRecord.OPEN.equals(p.tallyStatus) || (p.voteStart > 0 && now >= p.voteEnd)) {
            throw new ProblemException(409, "voting-closed", "Voting is closed",
                    "proposal " + p.id + " no longer takes votes", Map.of("voteEnd", p.voteEnd));
        }
        if (p.voteStart == 0 || now < p.voteStart) {
            throw new ProblemException(409, "voting-not-started", "Voting has not started",
                    "proposal " + p.id + " opens for votes at " + p.voteStart, Map.of("voteStart", p.voteStart));
        }
        ChainRef chain = codec.chain(p, b.chainId());
        if (chain == null) {
            throw new ProblemException(422, "chain-not-participating", "Chain does not take part",
                    "chain " + b.chainId() + " is not one of this proposal's chains");
        }
        TallyRules rules = codec.rules(p);
        List<Integer> approved = b.choices() == null ? List.of() : b.choices();
        if (!rules.accepts(b.support(), approved)) {
            throw new ProblemException(422, "invalid-choice", "Invalid choice",
                    rules.strategy().multipleChoices()
                            ? "approval ballots list distinct choices 0.." + (rules.choices().size() - 1) + " and no support"
                            : "support must be one choice 0.." + (rules.choices().size() - 1));
        }
        int support = b.support() == null ? 0 : b.support();
        byte[] digest = BallotTypedData.digest(BallotTypedData.domain(chain.chainId(), chain.spoke()),
                new BigInteger(p.onchainId), support, voter, b.nonce(), b.reason(), approved);
        String signer;
        try {
            signer = SignerRecovery.recover(digest, b.signature());
        } catch (SignerRecovery.InvalidSignatureException e) {
            throw new ProblemException(422, "invalid-signature", "Invalid signature", e.getMessage());
        }
        if (!signer.equals(voter)) {
            throw new ProblemException(422, "invalid-signature", "Invalid signature",
                    "the signature is not the voter's for this proposal, chain, choice and nonce");
        }
        return new Checked(p, chain);
    }

    private Uni<BallotReceipt> persist(Checked c, BallotRequest b, String voter, BigInteger weight) {
        if (weight.signum() == 0) {
            throw new ProblemException(422, "no-voting-power", "No voting power",
                    voter + " had no delegated votes on chain " + c.chain().chainId() + " at voteStart " + c.proposal().voteStart);
        }
        VoteRecord v = new VoteRecord();
        v.voteKey = c.chain().chainId() + ":" + b.signature().toLowerCase();
        v.countedKey = c.proposal().id + ":" + c.chain().chainId() + ":" + voter;
        v.proposalId = c.proposal().id;
        v.chainId = c.chain().chainId();
        v.voter = voter;
        v.support = b.support();
        v.approved = b.choices() == null || b.choices().isEmpty() ? null
                : b.choices().stream().map(String::valueOf).collect(Collectors.joining(","));
        v.weight = weight;
        v.source = "signed";
        v.finality = "final";
        v.reason = b.reason();
        v.signature = b.signature().toLowerCase();
        v.nonce = b.nonce();
        v.receivedAt = Instant.now();
        return Panache.withTransaction(() -> nonces.consume(v.chainId, voter, b.nonce())
                .chain(fresh -> {
                    if (!fresh) {
                        return nonces.next(v.chainId, voter).map(next -> {
                            throw new ProblemException(409, "stale-nonce", "Stale nonce",
                                    "the next nonce of " + voter + " on chain " + v.chainId + " is " + next,
                                    Map.of("expectedNonce", next));
                        });
                    }
                    return votes.insertIfNew(v).chain(id -> {
                        if (id == null) {
                            throw new ProblemException(409, "already-voted", "Already voted",
                                    voter + " already has a counted vote on chain " + v.chainId + "; the first vote stands");
                        }
                        v.id = id;
                        return outbox.add(Topics.VOTES, v.proposalId, CloudEvents.VOTE_CAST, event(v));
                    });
                }))
                .invoke(() -> {
                    tallies.markDirty(v.proposalId);
                    metrics.applied("signed", "final", 1);
                })
                .map(ignored -> receipt(v));
    }

    static VoteEvent event(VoteRecord v) {
        return new VoteEvent(v.voteKey, v.proposalId, v.chainId, v.voter, v.support,
                VoteRepository.approved(v.approved),
                v.weight.toString(), v.source, v.finality, v.reason, null);
    }

    public static BallotReceipt receipt(VoteRecord v) {
        return new BallotReceipt(v.id, v.proposalId, v.chainId, v.voter, v.support, VoteRepository.approved(v.approved), v.weight.toString(),
                v.source, v.finality, v.countedKey != null, v.reason, v.nonce, v.signature, v.blockNumber, v.txHash,
                v.logIndex, v.receivedAt);
    }
}
