package io.synod.proposal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigInteger;

/**
 * The constitution's rules for one proposal type. Durations in seconds; shares in basis points.
 *
 * @param sponsorshipThreshold        combined sponsor voting power (token base units) that moves a proposal to Pending
 * @param votingDelay                 from Pending to voteStart
 * @param votingPeriod                from voteStart to voteEnd
 * @param quorumBps                   of the total voting supply across the DAO's chains at voteStart
 * @param approvalBps                 the leading choice must strictly exceed this share (5000 = strict majority)
 * @param superQuorumBps              for-votes of this share of the supply succeed early; null for none
 * @param lateQuorumExtension         a quorum first reached this close to voteEnd extends voteEnd by as much; 0 for none
 * @param timelock                    from Queued until execution may happen
 * @param gracePeriod                 after the timelock, how long execution stays possible before Expired
 * @param countingStrategy            for-against-abstain, single-choice, approval or quadratic
 */
public record TypeRules(
        @NotNull @Pattern(regexp = "^[0-9]{1,78}$", message = "must be a uint256 decimal") String sponsorshipThreshold,
        @Min(0) @Max(31_536_000) long votingDelay,
        @Min(1) @Max(31_536_000) long votingPeriod,
        @Min(0) @Max(10_000) int quorumBps,
        @Min(0) @Max(9_999) int approvalBps,
        @Min(1) @Max(10_000) Integer superQuorumBps,
        @Min(0) @Max(2_592_000) long lateQuorumExtension,
        @Min(0) @Max(31_536_000) long timelock,
        @Min(1) @Max(31_536_000) long gracePeriod,
        @NotNull @Pattern(regexp = "^(for-against-abstain|single-choice|approval|quadratic)$",
                message = "must be for-against-abstain, single-choice, approval or quadratic") String countingStrategy) {

    public BigInteger threshold() {
        return new BigInteger(sponsorshipThreshold);
    }

    public boolean needsChoices() {
        return !"for-against-abstain".equals(countingStrategy);
    }
}
