package io.synod.voting;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A computed tally.
 *
 * @param choices        counted credit per choice index (token weight; quadratic: square-root credits)
 * @param perChain       raw token weight per chain and choice index
 * @param participation  token weight that took part
 * @param quorumVotes    the part of it that counts towards quorum (FAA: for + abstain, as in Governor)
 * @param quorum         required quorumVotes; null while the supply at voteStart is unknown
 * @param winningChoice  the leading choice; null with no votes or on a tie
 * @param passed         quorum reached and the approval threshold strictly exceeded
 * @param superQuorumReached favour votes reached the super-quorum (FAA only)
 */
public record TallyResult(List<BigInteger> choices, Map<Long, List<BigInteger>> perChain, BigInteger participation,
                          BigInteger quorumVotes, BigInteger totalSupply, BigInteger quorum, boolean quorumReached,
                          int approvalBps, Integer winningChoice, boolean passed, boolean superQuorumReached,
                          long voters) {}
