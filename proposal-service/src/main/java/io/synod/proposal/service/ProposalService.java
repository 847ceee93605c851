package io.synod.proposal.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.synod.events.ChainRef;
import io.synod.events.CloudEvents;
import io.synod.events.ProposalEvent;
import io.synod.events.TallyEvent;
import io.synod.events.Topics;
import io.synod.events.VotingRules;
import io.synod.outbox.Outbox;
import io.synod.signatures.ContentHash;
import io.synod.proposal.GovernanceTypedData;
import io.synod.proposal.ProposalContent;
import io.synod.proposal.ProposalState;
import io.synod.proposal.TypeRules;
import io.synod.proposal.repository.DaoRecord;
import io.synod.proposal.repository.ProposalRecord;
import io.synod.proposal.repository.SponsorshipRecord;
import io.synod.rest.ProblemException;
import io.synod.signatures.Addresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Proposals and their lifecycle. Every state change runs under the proposal's row lock, checks the
 * transition is allowed, records it in the history and emits it through the outbox in one transaction.
 */
@ApplicationScoped
public class ProposalService {
    private final DaoService daos;
    private final Signatures signatures;
    private final Codec codec;
    private final Outbox outbox;
    private final BridgeClient bridge;

    public ProposalService(DaoService daos, Signatures signatures, Codec codec, Outbox outbox,
                           @RestClient BridgeClient bridge) {
        this.daos = daos;
        this.signatures = signatures;
        this.codec = codec;
        this.outbox = outbox;
        this.bridge = bridge;
    }

    // ---- propose ------------------------------------------------------------------------------

    public Uni<ProposalView> create(String slug, Requests.CreateProposal req) {
        String author = Addresses.normalize(req.author());
        return Panache.withTransaction(() -> daos.find(slug).chain(dao -> daos.currentConstitution(dao).chain(constitution -> {
            ProposalContent content = req.content();
            TypeRules rules = constitution.of(content.proposalType());
            List<ChainRef> chains = codec.chains(dao.chainsJson);
            Set<Long> chainIds = new HashSet<>(chains.stream().map(ChainRef::chainId).toList());
            List<String> problems = content.problems(rules, chainIds);
            if (!problems.isEmpty()) {
                throw new ProblemException(422, "invalid-proposal", "Invalid proposal", String.join("; ", problems),
                        Map.of("problems", problems));
            }
            ChainRef chain = chainOf(chains, req.chainId());
            String contentHash = ContentHash.of(content);
            signatures.requireSigner(GovernanceTypedData.propose(GovernanceTypedData.domain(chain.chainId(), chain.spoke()),
                    slug, contentHash, author, req.nonce()), req.signature(), author, "proposal");
            UUID id = UUID.randomUUID();
            ProposalRecord p = new ProposalRecord();
            p.id = id.toString();
            p.onchainId = onchainId(id).toString();
            p.dao = slug;
            p.type = content.type();
            p.state = ProposalState.DRAFT.id();
            p.contentJson = codec.write(content);
            p.contentHash = contentHash;
            p.author = author;
            p.authorSignature = req.signature().toLowerCase();
            p.rulesJson = codec.write(rules);
            p.constitutionVersion = dao.constitutionVersion;
            p.chainsJson = dao.chainsJson;
            p.createdAt = Instant.now();
            p.updatedAt = p.createdAt;
            addHistory(p, ProposalState.DRAFT);
            return signatures.spendNonce(author, req.nonce())
                    .chain(() -> p.persist())
                    .chain(() -> req.draft() ? emit(p, CloudEvents.PROPOSAL_CREATED) : submitted(p, rules))
                    .replaceWith(p.id);
        }))).chain(this::get);
    }

    /** The content hash an author signs, and the canonical JSON it is computed from. */
    public Map<String, String> contentHash(ProposalContent content) {
        return Map.of("contentHash", ContentHash.of(content), "canonicalContent", ContentHash.canonicalJson(content));
    }

    private Uni<Void> submitted(ProposalRecord p, TypeRules rules) {
        return rules.threshold().signum() == 0 ? makePending(p, rules) : move(p, ProposalState.SPONSORING, CloudEvents.PROPOSAL_CREATED);
    }

    // ---- sponsor ------------------------------------------------------------------------------

    public Uni<ProposalView> sponsor(String id, Requests.Sponsor req) {
        String sponsor = Addresses.normalize(req.sponsor());
        return Panache.withSession(() -> find(id)).chain(p -> {
            requireState(p, ProposalState.SPONSORING);
            ChainRef chain = chainOf(codec.chains(p.chainsJson), req.chainId());
            signatures.requireSigner(GovernanceTypedData.sponsor(GovernanceTypedData.domain(chain.chainId(), chain.spoke()),
                    new BigInteger(p.onchainId), p.contentHash, sponsor, req.nonce()), req.signature(), sponsor, "sponsorship");
            return bridge.votingPower(chain.chainId(), sponsor, chain.token())
                    .ifNoItem().after(Duration.ofSeconds(10)).fail()
                    .onFailure().transform(e -> chainFailure(e, chain.chainId()));
        }).chain(power -> Panache.withTransaction(() -> lock(id).chain(p -> {
            requireState(p, ProposalState.SPONSORING);
            BigInteger votes = new BigInteger(power.votes());
            if (votes.signum() == 0) {
                throw new ProblemException(422, "no-voting-power", "No voting power",
                        sponsor + " has no delegated votes on chain " + req.chainId());
            }
            return SponsorshipRecord.count("proposalId = ?1 and sponsor = ?2 and chainId = ?3", id, sponsor, req.chainId())
                    .chain(n -> {
                        if (n > 0) {
                            throw ProblemException.conflict("already-sponsored", "Already sponsored",
                                    sponsor + " already sponsors this proposal from chain " + req.chainId());
                        }
                        SponsorshipRecord s = new SponsorshipRecord();
                        s.proposalId = id;
                        s.sponsor = sponsor;
                        s.chainId = req.chainId();
                        s.power = votes;
                        s.timepoint = power.timepoint();
                        s.signature = req.signature().toLowerCase();
                        s.createdAt = Instant.now();
                        p.sponsorPower = p.sponsorPower.add(votes);
                        TypeRules rules = codec.rules(p.rulesJson);
                        return signatures.spendNonce(sponsor, req.nonce()).chain(() -> s.persist())
                                .chain(() -> p.sponsorPower.compareTo(rules.threshold()) >= 0
                                        ? makePending(p, rules) : Uni.createFrom().voidItem());
                    });
        }))).chain(() -> get(id));
    }

    // ---- proposer and guardian actions ----------------------------------------------------------

    public Uni<ProposalView> submit(String id, Requests.SignedAction req) {
        return signedAction(id, req, "submit", p -> {
            requireActor(p.author, req, "the author");
            requireState(p, ProposalState.DRAFT);
            return submitted(p, codec.rules(p.rulesJson));
        });
    }

    public Uni<ProposalView> cancel(String id, Requests.SignedAction req) {
        return signedAction(id, req, "cancel", p -> {
            requireActor(p.author, req, "the author");
            return move(p, ProposalState.CANCELED, CloudEvents.PROPOSAL_CANCELED);
        });
    }

    public Uni<ProposalView> veto(String id, Requests.SignedAction req) {
        return signedAction(id, req, "veto", p -> DaoRecord.<DaoRecord>findById(p.dao).chain(dao -> {
            if (dao.guardian == null) {
                throw new ProblemException(403, "no-guardian", "No guardian", "DAO " + dao.slug + " has no guardian");
            }
            requireActor(dao.guardian, req, "the DAO's guardian");
            return move(p, ProposalState.VETOED, CloudEvents.PROPOSAL_VETOED);
        }));
    }

    /** Anyone may execute a queued proposal once its timelock passed and before its grace period ends. */
    public Uni<ProposalView> execute(String id) {
        long now = Instant.now().getEpochSecond();
        return Panache.withTransaction(() -> lock(id).chain(p -> {
            requireState(p, ProposalState.QUEUED);
            if (now < p.eta) {
                throw new ProblemException(409, "timelock-pending", "Timelock not passed",
                        "executable from " + p.eta, Map.of("eta", p.eta));
            }
            ProposalContent content = codec.content(p.contentJson);
            Uni<Void> effects = content.proposalType() == io.synod.proposal.ProposalType.CONSTITUTIONAL
                    ? daos.adopt(p.dao, content.constitution(), p.id) : Uni.createFrom().voidItem();
            return effects.chain(() -> move(p, ProposalState.EXECUTED, CloudEvents.PROPOSAL_EXECUTED));
        })).chain(() -> get(id));
    }

    private Uni<ProposalView> signedAction(String id, Requests.SignedAction req, String action,
                                           java.util.function.Function<ProposalRecord, Uni<Void>> apply) {
        String actor = Addresses.normalize(req.actor());
        return Panache.withTransaction(() -> lock(id).chain(p -> {
            ChainRef chain = chainOf(codec.chains(p.chainsJson), req.chainId());
            signatures.requireSigner(GovernanceTypedData.action(GovernanceTypedData.domain(chain.chainId(), chain.spoke()),
                    new BigInteger(p.onchainId), action, actor, req.nonce()), req.signature(), actor, action);
            return signatures.spendNonce(actor, req.nonce()).chain(() -> apply.apply(p));
        })).chain(() -> get(id));
    }

    // ---- driven by time and by tallies -----------------------------------------------------------

    /** One due transition, exactly once: re-checked under the row lock. */
    public Uni<Void> advance(String id, long now) {
        return Panache.withTransaction(() -> lock(id).chain(p -> {
            ProposalState s = ProposalState.valueOf(p.state.toUpperCase());
            TypeRules rules = codec.rules(p.rulesJson);
            if (s == ProposalState.PENDING && now >= p.voteStart) {
                return move(p, ProposalState.ACTIVE, CloudEvents.PROPOSAL_ACTIVATED);
            }
            if (s == ProposalState.SUCCEEDED) {
                p.eta = now + rules.timelock();
                return move(p, ProposalState.QUEUED, CloudEvents.PROPOSAL_QUEUED);
            }
            if (s == ProposalState.QUEUED && now >= p.eta + rules.gracePeriod()) {
                return move(p, ProposalState.EXPIRED, CloudEvents.PROPOSAL_EXPIRED);
            }
            return Uni.createFrom().voidItem();
        }));
    }

    /** Keeps the newest tally; a final one decides Succeeded or Defeated. Idempotent by tally version. */
    public Uni<Void> onTally(TallyEvent t) {
        return Panache.withTransaction(() -> ProposalRecord.<ProposalRecord>findById(t.proposalId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(p -> {
                    if (p == null || t.version() <= p.tallyVersion) {
                        return Uni.createFrom().voidItem();
                    }
                    p.tallyVersion = t.version();
                    p.tallyJson = codec.write(t);
                    p.voteEnd = Math.max(p.voteEnd, t.voteEnd());
                    p.updatedAt = Instant.now();
                    if ("final".equals(t.status()) && ProposalState.ACTIVE.id().equals(p.state)) {
                        return t.passed() ? move(p, ProposalState.SUCCEEDED, CloudEvents.PROPOSAL_SUCCEEDED)
                                : move(p, ProposalState.DEFEATED, CloudEvents.PROPOSAL_DEFEATED);
                    }
                    return Uni.createFrom().voidItem();
                }));
    }

    // ---- reads --------------------------------------------------------------------------------

    @WithSession
    public Uni<ProposalView> get(String id) {
        return find(id).chain(p -> SponsorshipRecord.<SponsorshipRecord>list("proposalId = ?1 order by id", id)
                .map(sponsors -> view(p, sponsors)));
    }

    @WithSession
    public Uni<ProposalView.Page> list(String slug, String state, int page, int size) {
        return daos.find(slug).chain(d -> {
            String q = state == null ? "dao = ?1" : "dao = ?1 and state = ?2";
            Object[] params = state == null ? new Object[] {slug} : new Object[] {slug, state};
            return ProposalRecord.<ProposalRecord>find(q + " order by createdAt desc", params).page(page, size).list()
                    .chain(rows -> ProposalRecord.count(q, params).map(total -> new ProposalView.Page(
                            rows.stream().map(this::summary).toList(), page, size, total)));
        });
    }

    // ---- helpers ------------------------------------------------------------------------------

    private Uni<Void> makePending(ProposalRecord p, TypeRules rules) {
        long now = Instant.now().getEpochSecond();
        p.voteStart = now + rules.votingDelay();
        p.voteEnd = p.voteStart + rules.votingPeriod();
        return move(p, ProposalState.PENDING, CloudEvents.PROPOSAL_PENDING);
    }

    private Uni<Void> move(ProposalRecord p, ProposalState next, String eventType) {
        ProposalState current = ProposalState.valueOf(p.state.toUpperCase());
        if (!current.canMoveTo(next)) {
            throw new ProblemException(409, "invalid-state", "Not allowed in this state",
                    "a " + current.id() + " proposal cannot become " + next.id(), Map.of("state", current.id()));
        }
        p.state = next.id();
        p.updatedAt = Instant.now();
        addHistory(p, next);
        return emit(p, eventType);
    }

    private Uni<Void> emit(ProposalRecord p, String eventType) {
        TypeRules r = codec.rules(p.rulesJson);
        ProposalContent c = codec.content(p.contentJson);
        VotingRules rules = new VotingRules(r.countingStrategy(), c.choices() == null ? List.of() : c.choices(),
                r.quorumBps(), r.approvalBps(), r.superQuorumBps(), r.lateQuorumExtension());
        List<io.synod.events.Allocation> allocations = c.allocations() == null ? List.of() : c.allocations().stream()
                .map(a -> new io.synod.events.Allocation(a.chainId(), a.asset().toLowerCase(java.util.Locale.ROOT),
                        a.category(), new BigInteger(a.amount()).toString(), a.period())).toList();
        return DaoRecord.<DaoRecord>findById(p.dao).chain(dao -> outbox.add(Topics.PROPOSALS, p.id, eventType,
                new ProposalEvent(p.id, p.onchainId, p.dao, p.type, p.state, p.voteStart, p.voteEnd,
                        codec.chains(p.chainsJson), rules, p.contentHash, System.currentTimeMillis(),
                        dao == null ? null : dao.parent, allocations)));
    }

    private void addHistory(ProposalRecord p, ProposalState s) {
        List<Map<String, Object>> h = new ArrayList<>(history(p));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("state", s.id());
        entry.put("at", Instant.now().toString());
        h.add(entry);
        p.historyJson = codec.write(h);
    }

    private List<Map<String, Object>> history(ProposalRecord p) {
        return codec.list(p.historyJson);
    }

    private static void requireState(ProposalRecord p, ProposalState expected) {
        if (!expected.id().equals(p.state)) {
            throw new ProblemException(409, "invalid-state", "Not allowed in this state",
                    "the proposal is " + p.state + ", not " + expected.id(), Map.of("state", p.state));
        }
    }

    private static void requireActor(String expected, Requests.SignedAction req, String who) {
        if (!Addresses.normalize(req.actor()).equals(expected)) {
            throw new ProblemException(403, "not-permitted", "Not permitted", "only " + who + " may do this");
        }
    }

    private static ChainRef chainOf(List<ChainRef> chains, long chainId) {
        return chains.stream().filter(c -> c.chainId() == chainId).findFirst()
                .orElseThrow(() -> new ProblemException(422, "chain-not-governed", "Chain not governed",
                        "the DAO does not govern from chain " + chainId));
    }

    private Uni<ProposalRecord> find(String id) {
        return ProposalRecord.<ProposalRecord>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("proposal", id));
    }

    private Uni<ProposalRecord> lock(String id) {
        return ProposalRecord.<ProposalRecord>findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("proposal", id));
    }

    private static Throwable chainFailure(Throwable e, long chainId) {
        if (e instanceof ProblemException) {
            return e;
        }
        int status = e instanceof WebApplicationException w ? w.getResponse().getStatus() : 503;
        return new ProblemException(503, "chain-unavailable", "Chain unavailable",
                "voting power on chain " + chainId + " cannot be read right now (" + status + ")", Map.of("chainId", chainId));
    }

    /** The hub's UUID as the uint256 that ballots and spoke contracts carry. */
    static BigInteger onchainId(UUID id) {
        ByteBuffer b = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return new BigInteger(1, b.array());
    }

    private ProposalView view(ProposalRecord p, List<SponsorshipRecord> sponsors) {
        return new ProposalView(p.id, p.onchainId, p.dao, p.type, p.state, codec.content(p.contentJson), p.contentHash,
                p.author, p.constitutionVersion, codec.rules(p.rulesJson), codec.chains(p.chainsJson),
                p.sponsorPower.toString(), sponsors.stream().map(s -> new ProposalView.Sponsor(s.sponsor, s.chainId,
                        s.power.toString(), s.timepoint, s.createdAt)).toList(),
                p.voteStart, p.voteEnd, p.eta, codec.map(p.tallyJson), history(p), p.createdAt, p.updatedAt);
    }

    private ProposalView.Summary summary(ProposalRecord p) {
        return new ProposalView.Summary(p.id, p.dao, p.type, p.state, codec.content(p.contentJson).title(), p.author,
                p.voteStart, p.voteEnd, p.createdAt);
    }
}
