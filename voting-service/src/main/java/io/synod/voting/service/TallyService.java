package io.synod.voting.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.synod.outbox.Ticker;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.synod.events.ChainRef;
import io.synod.events.CloudEvents;
import io.synod.events.TallyEvent;
import io.synod.events.Topics;
import io.synod.outbox.Outbox;
import io.synod.rest.ProblemException;
import io.synod.voting.CountedVote;
import io.synod.voting.CountingStrategy;
import io.synod.voting.TallyCalculator;
import io.synod.voting.TallyResult;
import io.synod.voting.TallyRules;
import io.synod.voting.repository.ChainClosure;
import io.synod.voting.repository.ProposalRecord;
import io.synod.voting.repository.VoteRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Keeps every proposal's tally current. Votes mark a proposal dirty; a short tick recomputes dirty
 * tallies (so a burst of ballots costs one recomputation, not one each), stores the snapshot, emits it on
 * governance.tallies through the outbox and pushes it to live streams. Closing is driven by the
 * database (voteEnd ≤ now, status open) under a row lock, so it survives restarts and happens once.
 */
@ApplicationScoped
public class TallyService {
    private static final Logger LOG = Logger.getLogger(TallyService.class);

    private final VoteRepository votes;
    private final ProposalCodec codec;
    private final WeightSource weights;
    private final Outbox outbox;
    /** Per dirty proposal, the trace of the latest change that dirtied it (tracing on only). */
    private final Map<String, String> causes = new ConcurrentHashMap<>();
    private final RefreshSchedule schedule = new RefreshSchedule();
    /** proposal@voteEnd already looked at once its voteEnd passed. */
    private final Map<String, Long> waitingSince = new ConcurrentHashMap<>();
    private final Map<String, TallyView> latest = new ConcurrentHashMap<>();
    private final BroadcastProcessor<TallyView> changes = BroadcastProcessor.create();
    private volatile Runnable refreshNow;

    public TallyService(VoteRepository votes, ProposalCodec codec, WeightSource weights, Outbox outbox) {
        this.votes = votes;
        this.codec = codec;
        this.weights = weights;
        this.outbox = outbox;
    }

    /** A committed change to the proposal's votes: its tally is recomputed now, or when its cost allows. */
    public void markDirty(String proposalId) {
        schedule.dirty(proposalId);
        Runnable r = refreshNow;
        if (r != null) {
            r.run(); // not the next tick: the live path (block → tally) is measured in milliseconds
        }
    }

    /** As {@link #markDirty(String)}, by a change made in the trace {@code traceparent}: the tally event continues it. */
    public void markDirty(String proposalId, String traceparent) {
        if (traceparent != null) {
            causes.put(proposalId, traceparent);
        }
        markDirty(proposalId);
    }

    /**
     * A change that can end the tally (a chain's closing): recomputed now, whatever its last cost. The cost
     * bound is for a stream of votes; a closing comes once per chain, after the votes it covers, and waiting
     * there only delays the final tally.
     */
    public void markUrgent(String proposalId, String traceparent) {
        schedule.urgent(proposalId);
        markDirty(proposalId, traceparent);
    }

    /** The current tally; computed on first read after a restart. */
    public Uni<TallyView> current(String proposalId) {
        TallyView v = latest.get(proposalId);
        if (v != null) {
            return Uni.createFrom().item(v);
        }
        return Panache.withSession(() -> ProposalRecord.<ProposalRecord>findById(proposalId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("proposal", proposalId))
                .chain(p -> p.tallyJson != null
                        ? Uni.createFrom().item(remember(codec.read(p.tallyJson, TallyView.class)))
                        : refresh(proposalId).chain(() -> current(proposalId)));
    }

    /** The tally now and after every change. */
    public Multi<TallyView> stream(String proposalId) {
        return current(proposalId).toMulti()
                .onCompletion().switchTo(() -> changes.filter(v -> v.proposalId().equals(proposalId)));
    }

    /** Open tallies: provisional ones still voting, and those past voteEnd waiting for chains' finality. */
    private void gauges(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.Gauge.builder("synod.tallies.open", latest, m -> m.values().stream()
                        .filter(v -> "provisional".equals(v.status()) && v.voteEnd() > Instant.now().getEpochSecond()).count())
                .tag("status", "voting").description("open tallies").register(registry);
        io.micrometer.core.instrument.Gauge.builder("synod.tallies.open", latest, m -> m.values().stream()
                        .filter(v -> "provisional".equals(v.status()) && v.voteEnd() <= Instant.now().getEpochSecond()).count())
                .tag("status", "waiting").description("open tallies").register(registry);
    }

    void start(@Observes StartupEvent ev, Ticker ticker, VotingMetrics metrics,
               @ConfigProperty(name = "synod.tally.refresh-every", defaultValue = "PT0.1S") Duration refreshEvery,
               @ConfigProperty(name = "synod.tally.close-every", defaultValue = "PT0.25S") Duration closeEvery) {
        gauges(metrics.registry());
        refreshNow = ticker.every(refreshEvery, "tally refresh", this::refreshDirty);
        ticker.every(closeEvery, "tally closing", this::closeDue);
    }

    /** On start-up every open tally is recomputed first: nothing depends on what was in memory. */
    private volatile boolean recovered;

    Uni<Void> refreshDirty() {
        if (!recovered) {
            return Panache.withSession(() -> ProposalRecord.<ProposalRecord>list("tallyStatus", ProposalRecord.OPEN))
                    .invoke(open -> {
                        open.forEach(p -> schedule.dirty(p.id));
                        recovered = true;
                    }).replaceWithVoid();
        }
        if (schedule.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = schedule.takeDue(System.nanoTime());
        return Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> {
                    long started = System.nanoTime();
                    return refresh(id).invoke(() -> schedule.ran(id, started, System.nanoTime()))
                            .onFailure().recoverWithUni(e -> {
                                LOG.warnf("tally of %s not refreshed (%s); retrying", id, e.getMessage());
                                schedule.dirty(id);
                                return Uni.createFrom().voidItem();
                            });
                })
                .collect().last().replaceWithVoid();
    }

    /**
     * Closes tallies whose voting period ended. After a restart the first tick catches up. A closing
     * arriving later (a chain's finality) marks its proposal dirty by itself, so proposals still waiting for a
     * chain are looked at here only once, when their voteEnd passes, not on every tick.
     */
    Uni<Void> closeDue() {
        long now = Instant.now().getEpochSecond();
        return Panache.withSession(() -> ProposalRecord.<ProposalRecord>list(
                        "tallyStatus = ?1 and voteStart > 0 and voteEnd <= ?2", ProposalRecord.OPEN, now))
                .map(due -> due.stream().filter(p -> waitingSince.putIfAbsent(p.id + "@" + p.voteEnd, now) == null).toList())
                .chain(due -> Multi.createFrom().iterable(due).onItem()
                        .transformToUniAndConcatenate(p -> refresh(p.id).onFailure().recoverWithUni(e -> {
                            LOG.warnf("tally of %s not closed yet (%s)", p.id, e.getMessage());
                            return Uni.createFrom().voidItem();
                        }))
                        .collect().last())
                .replaceWithVoid();
    }

    /**
     * Recomputes one tally. The supply at voteStart is read first (outside the transaction, it is a
     * chain call); the recomputation then runs under the proposal's row lock.
     */
    public Uni<Void> refresh(String proposalId) {
        long now = Instant.now().getEpochSecond();
        return Panache.withSession(() -> ProposalRecord.<ProposalRecord>findById(proposalId))
                .chain(p -> p == null || p.totalSupply != null || p.voteStart == 0 || now <= p.voteStart
                        ? Uni.createFrom().item(Optional.<BigInteger>empty())
                        : weights.totalSupplyAt(codec.chains(p), p.voteStart).map(Optional::of)
                                .onFailure().recoverWithItem(Optional.empty()))
                .chain(supply -> Panache.withTransaction(() -> recompute(proposalId, supply, now)))
                .invoke(view -> {
                    if (view != null) {
                        changes.onNext(view);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<TallyView> recompute(String proposalId, Optional<BigInteger> supply, long now) {
        return ProposalRecord.<ProposalRecord>findById(proposalId, LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null) {
                return Uni.createFrom().nullItem();
            }
            TallyView previous = p.tallyJson == null ? null : codec.read(p.tallyJson, TallyView.class);
            if (!ProposalRecord.OPEN.equals(p.tallyStatus) && previous != null && previous.status().equals(p.tallyStatus)) {
                return Uni.createFrom().nullItem(); // closed and published as such: a final tally never changes
            }
            supply.ifPresent(s -> p.totalSupply = s);
            TallyRules rules = codec.rules(p);
            // quadratic credit is per person across chains; every other strategy only needs sums per chain and choice
            Uni<List<CountedVote>> counted = rules.strategy() == CountingStrategy.QUADRATIC
                    ? votes.counted(proposalId) : votes.countedByChoice(proposalId);
            // closings first: each statement sees what committed before it started, and a closing commits with or
            // after the votes it covers, so votes read after a closing include all of them (read before it, a
            // batch committing in between could close the tally on sums missing its votes)
            return ChainClosure.<ChainClosure>list("proposalId", proposalId).chain(closures -> counted.chain(rows ->
                    votes.countedVoters(proposalId).chain(voters -> {
                List<ChainRef> chains = codec.chains(p);
                TallyResult result = TallyCalculator.compute(rules, p.totalSupply,
                        chains.stream().map(ChainRef::chainId).toList(), rows, voters);
                List<Long> waitingFor = applyClosingRules(p, rules, result, now, chains, closures);
                TallyView view = view(p, rules, chains, result, waitingFor);
                if (view.sameContent(previous)) {
                    remember(previous);
                    return Uni.createFrom().nullItem();
                }
                p.tallyVersion++;
                TallyView stamped = view.withStamp(p.tallyVersion, Instant.now());
                p.tallyJson = codec.write(stamped);
                p.updatedAt = Instant.now();
                return outbox.add(Topics.TALLIES, p.id, CloudEvents.TALLY_UPDATED, event(stamped), causes.remove(p.id))
                        .replaceWith(() -> remember(stamped));
            })));
        });
    }

    /**
     * Late-quorum extension, super-quorum and deadline: when the tally closes, and why. At the deadline it
     * closes only once every participating chain's final block has passed voteEnd (a vote still in an
     * unfinal block could vanish in a reorg, or a late block could still carry one).
     * @return the chains the tally still waits for
     */
    private static List<Long> applyClosingRules(ProposalRecord p, TallyRules rules, TallyResult result, long now,
                                                List<ChainRef> chains, List<ChainClosure> closures) {
        if (!ProposalRecord.OPEN.equals(p.tallyStatus)) {
            return List.of();
        }
        if (!p.quorumReached && result.quorumReached() && rules.lateQuorumExtensionSeconds() > 0
                && now < p.voteEnd && now > p.voteEnd - rules.lateQuorumExtensionSeconds()) {
            p.voteEnd = now + rules.lateQuorumExtensionSeconds();
        }
        p.quorumReached = result.quorumReached();
        if (result.superQuorumReached() && now >= p.voteStart) {
            p.tallyStatus = ProposalRecord.FINAL;
            p.closedReason = "super-quorum";
            return List.of();
        }
        Map<Long, Long> closedAt = new java.util.HashMap<>();
        closures.forEach(c -> closedAt.put(c.chainId, c.finalizedTimestamp));
        List<Long> waitingFor = chains.stream().map(ChainRef::chainId)
                .filter(id -> p.totalSupply == null || closedAt.getOrDefault(id, 0L) <= p.voteEnd).toList();
        if (now >= p.voteEnd && p.totalSupply != null && waitingFor.isEmpty()) {
            p.tallyStatus = ProposalRecord.FINAL;
            p.closedReason = "deadline";
        }
        return waitingFor;
    }

    private static TallyView view(ProposalRecord p, TallyRules rules, List<ChainRef> chains, TallyResult r,
                                  List<Long> waitingFor) {
        List<TallyView.ChoiceTotal> choices = new ArrayList<>();
        for (int i = 0; i < rules.choices().size(); i++) {
            choices.add(new TallyView.ChoiceTotal(i, rules.choices().get(i), r.choices().get(i).toString()));
        }
        List<TallyView.ChainTotal> perChain = new ArrayList<>();
        r.perChain().forEach((chainId, row) -> perChain.add(new TallyView.ChainTotal(chainId,
                row.stream().map(BigInteger::toString).toList(),
                row.stream().reduce(BigInteger.ZERO, BigInteger::add).toString())));
        String status = ProposalRecord.OPEN.equals(p.tallyStatus) ? "provisional" : p.tallyStatus; // final | canceled
        return new TallyView(p.id, status, p.closedReason, rules.strategy().id(),
                p.voteStart, p.voteEnd, choices, perChain, r.participation().toString(), r.quorumVotes().toString(),
                str(r.totalSupply()), str(r.quorum()), r.quorumReached(), r.approvalBps(), rules.approvalBps(),
                r.winningChoice(), r.passed(), r.voters(), waitingFor, 0, null);
    }

    private static TallyEvent event(TallyView v) {
        Map<String, String> choices = new LinkedHashMap<>();
        v.choices().forEach(c -> choices.put(c.label(), c.votes()));
        return new TallyEvent(v.proposalId(), v.status(), v.closedReason(), v.voteEnd(), choices, v.participation(),
                v.totalSupply(), v.quorum(), v.quorumReached(), v.approvalBps(), v.winningChoice(), v.passed(),
                v.voters(), v.waitingFor(), v.version());
    }

    private TallyView remember(TallyView v) {
        latest.merge(v.proposalId(), v, (old, neu) -> neu.version() >= old.version() ? neu : old);
        return v;
    }

    private static String str(BigInteger b) {
        return b == null ? null : b.toString();
    }
}
