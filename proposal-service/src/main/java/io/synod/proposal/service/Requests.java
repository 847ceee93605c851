package io.synod.proposal.service;

import io.synod.events.ChainRef;
import io.synod.proposal.ProposalContent;
import io.synod.proposal.TypeRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** Request bodies. Addresses are 0x-hex; signatures 65-byte 0x-hex (r ‖ s ‖ v). */
public final class Requests {
    static final String ADDRESS = "^0x[0-9a-fA-F]{40}$";
    static final String SIGNATURE = "^0x[0-9a-fA-F]{130}$";

    private Requests() {}

    public record DaoChain(@Positive long chainId,
                           @NotNull @Pattern(regexp = ADDRESS, message = "must be an address") String token,
                           @NotNull @Pattern(regexp = ADDRESS, message = "must be an address") String spoke) {
        ChainRef ref() {
            return new ChainRef(chainId, token.toLowerCase(), spoke.toLowerCase());
        }
    }

    public record CreateDao(
            @NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$", message = "must be a lower-case slug") String slug,
            @NotNull @Size(min = 1, max = 200) String name,
            @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$", message = "must be a lower-case slug") String parent,
            @Pattern(regexp = ADDRESS, message = "must be an address") String guardian,
            @NotEmpty @Size(max = 16) List<@Valid @NotNull DaoChain> chains,
            @NotNull Map<String, @Valid @NotNull TypeRules> constitution) {}

    public record SetGuardian(@Pattern(regexp = ADDRESS, message = "must be an address") String guardian) {}

    public record CreateProposal(
            @Valid @NotNull ProposalContent content,
            @NotNull @Pattern(regexp = ADDRESS, message = "must be an address") String author,
            @Positive long chainId,
            @PositiveOrZero long nonce,
            @NotNull @Pattern(regexp = SIGNATURE, message = "must be a 65-byte 0x-hex signature") String signature,
            boolean draft) {}

    public record Sponsor(
            @NotNull @Pattern(regexp = ADDRESS, message = "must be an address") String sponsor,
            @Positive long chainId,
            @PositiveOrZero long nonce,
            @NotNull @Pattern(regexp = SIGNATURE, message = "must be a 65-byte 0x-hex signature") String signature) {}

    /** A signed governance action: submit or cancel (the author), veto (the guardian). */
    public record SignedAction(
            @NotNull @Pattern(regexp = ADDRESS, message = "must be an address") String actor,
            @Positive long chainId,
            @PositiveOrZero long nonce,
            @NotNull @Pattern(regexp = SIGNATURE, message = "must be a 65-byte 0x-hex signature") String signature,
            @Size(max = 1000) String reason) {}
}
