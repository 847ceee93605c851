package io.synod.voting.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A gasless ballot: the voter's EIP-712 signature over {@code Ballot} or {@code ExtendedBallot} for one chain.
 *
 * @param support  the choice index (for/against/abstain: 1/0/2); omit for approval voting
 * @param choices  approved choice indexes (approval voting only)
 */
public record BallotRequest(
        @NotNull @Positive Long chainId,
        @NotNull @Pattern(regexp = "^0x[0-9a-fA-F]{40}$", message = "must be a 0x-prefixed 20-byte hex address") String voter,
        @Min(0) @Max(255) Integer support,
        @Size(max = 32) List<@NotNull @Min(0) @Max(255) Integer> choices,
        @NotNull @PositiveOrZero Long nonce,
        @Size(max = 1000) String reason,
        @NotNull @Pattern(regexp = "^0x[0-9a-fA-F]{130}$", message = "must be a 65-byte 0x-hex signature") String signature) {}
