package io.synod.voting;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns counted votes into a result, exactly as the constitution says:
 * <ul>
 *   <li><b>quorum</b>: {@code quorumBps} of the total voting supply at voteStart across the participating
 *       chains; for/against/abstain counts for + abstain towards it (as OpenZeppelin Governor), other
 *       strategies count every participating token;</li>
 *   <li><b>approval</b>: the leading choice's share must strictly exceed {@code approvalBps}: for FAA the
 *       share is for / (for + against), otherwise the leading choice's share of all counted credit
 *       (approval voting: of participation). So 5000 bps means a strict majority, ties fail;</li>
 *   <li><b>passed</b> = quorum reached and approval met (FAA: the leading choice must be "for");</li>
 *   <li><b>super-quorum</b> (FAA): for-votes ≥ superQuorumBps of the supply, with approval met, decide early.</li>
 * </ul>
 */
public final class TallyCalculator {
    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    private TallyCalculator() {}

    /**
     * @param totalSupply the supply at voteStart summed over the participating chains; null if not yet known
     */
    public static TallyResult compute(TallyRules rules, BigInteger totalSupply, Collection<Long> chains,
                                      Collection<CountedVote> votes) {
        long voters = votes.stream().filter(v -> rules.accepts(v.support(), v.approved()) && v.weight().signum() > 0)
                .map(CountedVote::voter).distinct().count();
        return compute(rules, totalSupply, chains, votes, voters);
    }

    /**
     * @param votes  one row per voter and chain, or (except for quadratic counting, which is per person)
     *               rows that each sum many voters' weight for one chain and choice
     * @param voters how many distinct people those rows stand for
     */
    public static TallyResult compute(TallyRules rules, BigInteger totalSupply, Collection<Long> chains,
                                      Collection<CountedVote> votes, long voters) {
        int n = rules.choices().size();
        List<BigInteger> credit = zeros(n);
        Map<Long, List<BigInteger>> perChain = new TreeMap<>();
        chains.forEach(c -> perChain.put(c, zeros(n)));
        BigInteger participation = BigInteger.ZERO;
        Map<String, List<CountedVote>> byVoter = new HashMap<>();

        for (CountedVote v : votes) {
            if (!rules.accepts(v.support(), v.approved()) || v.weight().signum() <= 0) {
                continue; // not a choice of this proposal: it never counts
            }
            participation = participation.add(v.weight());
            List<BigInteger> chainRow = perChain.computeIfAbsent(v.chainId(), c -> zeros(n));
            for (int c : v.selected()) {
                chainRow.set(c, chainRow.get(c).add(v.weight()));
            }
            byVoter.computeIfAbsent(v.voter(), k -> new ArrayList<>()).add(v);
        }

        if (rules.strategy() == CountingStrategy.QUADRATIC) {
            for (List<CountedVote> personsVotes : byVoter.values()) {
                addQuadraticCredit(credit, personsVotes);
            }
        } else {
            for (List<BigInteger> row : perChain.values()) {
                for (int c = 0; c < n; c++) {
                    credit.set(c, credit.get(c).add(row.get(c)));
                }
            }
        }

        boolean faa = rules.strategy() == CountingStrategy.FOR_AGAINST_ABSTAIN;
        BigInteger quorumVotes = faa
                ? rowSum(perChain, CountingStrategy.FOR).add(rowSum(perChain, CountingStrategy.ABSTAIN))
                : participation;
        BigInteger quorum = totalSupply == null ? null : totalSupply.multiply(BigInteger.valueOf(rules.quorumBps())).divide(BPS);
        boolean quorumReached = quorum != null && quorumVotes.compareTo(quorum) >= 0 && quorumVotes.signum() > 0;

        Integer winner;
        BigInteger lead;
        BigInteger base;
        if (faa) {
            BigInteger f = credit.get(CountingStrategy.FOR);
            BigInteger a = credit.get(CountingStrategy.AGAINST);
            winner = f.compareTo(a) > 0 ? Integer.valueOf(CountingStrategy.FOR)
                    : a.compareTo(f) > 0 ? Integer.valueOf(CountingStrategy.AGAINST) : null;
            lead = f;
            base = f.add(a);
        } else {
            winner = leader(credit);
            lead = winner == null ? BigInteger.ZERO : credit.get(winner);
            base = rules.strategy() == CountingStrategy.APPROVAL ? participation : sum(credit);
        }
        int approvalBps = base.signum() == 0 ? 0 : lead.multiply(BPS).divide(base).intValueExact();
        boolean approvalMet = base.signum() > 0
                && lead.multiply(BPS).compareTo(base.multiply(BigInteger.valueOf(rules.approvalBps()))) > 0
                && (!faa || Integer.valueOf(CountingStrategy.FOR).equals(winner));
        boolean passed = quorumReached && approvalMet && winner != null;

        boolean superQuorumReached = faa && rules.superQuorumBps() != null && totalSupply != null && approvalMet
                && credit.get(CountingStrategy.FOR).multiply(BPS)
                        .compareTo(totalSupply.multiply(BigInteger.valueOf(rules.superQuorumBps()))) >= 0;

        return new TallyResult(credit, perChain, participation, quorumVotes, totalSupply, quorum, quorumReached,
                approvalBps, winner, passed, superQuorumReached, voters);
    }

    /** sqrt(W) split over the chosen options in proportion to the weight behind each, W summed over chains. */
    private static void addQuadraticCredit(List<BigInteger> credit, List<CountedVote> personsVotes) {
        BigInteger total = personsVotes.stream().map(CountedVote::weight).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger root = total.sqrt();
        Map<Integer, BigInteger> perChoice = new TreeMap<>();
        for (CountedVote v : personsVotes) {
            perChoice.merge(v.support(), v.weight(), BigInteger::add);
        }
        perChoice.forEach((c, w) -> credit.set(c, credit.get(c).add(root.multiply(w).divide(total))));
    }

    private static Integer leader(List<BigInteger> credit) {
        Integer best = null;
        boolean tie = false;
        for (int c = 0; c < credit.size(); c++) {
            if (credit.get(c).signum() == 0) {
                continue;
            }
            int cmp = best == null ? 1 : credit.get(c).compareTo(credit.get(best));
            if (cmp > 0) {
                best = c;
                tie = false;
            } else if (cmp == 0) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    private static BigInteger rowSum(Map<Long, List<BigInteger>> perChain, int choice) {
        return perChain.values().stream().map(r -> r.get(choice)).reduce(BigInteger.ZERO, BigInteger::add);
    }

    private static BigInteger sum(List<BigInteger> xs) {
        return xs.stream().reduce(BigInteger.ZERO, BigInteger::add);
    }

    private static List<BigInteger> zeros(int n) {
        List<BigInteger> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(BigInteger.ZERO);
        }
        return l;
    }
}
