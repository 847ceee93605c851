package io.synod.proposal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a proposal says. Its canonical JSON is what {@link io.synod.signatures.ContentHash} hashes and the author signs.
 *
 * @param actions       executable calls (technical proposals must carry at least one)
 * @param allocations   budget allocations (treasury proposals must carry at least one)
 * @param constitution  the complete new rules (constitutional proposals only)
 */
public record ProposalContent(
        @NotBlank @Size(max = 200) String title,
        @NotNull @Size(max = 50_000) String body,
        @NotNull @Pattern(regexp = "^(policy|technical|treasury|constitutional)$",
                message = "must be policy, technical, treasury or constitutional") String type,
        @Size(max = 32) List<@NotBlank @Size(max = 100) String> choices,
        @Size(max = 20) List<@Valid @NotNull Action> actions,
        @Size(max = 50) List<@Valid @NotNull Allocation> allocations,
        Map<String, @Valid @NotNull TypeRules> constitution) {

    public record Action(
            @Positive long chainId,
            @NotNull @Pattern(regexp = "^0x[0-9a-fA-F]{40}$", message = "must be an address") String target,
            @NotNull @Pattern(regexp = "^0x([0-9a-fA-F]{2}){0,8192}$", message = "must be 0x-hex bytes") String calldata,
            @NotNull @Pattern(regexp = "^[0-9]{1,78}$", message = "must be a uint256 decimal") String value) {}

    public record Allocation(
            @Positive long chainId,
            @NotNull @Pattern(regexp = "^(native|0x[0-9a-fA-F]{40})$", message = "must be native or a token address") String asset,
            @NotNull @Pattern(regexp = "^[a-z][a-z0-9-]{0,31}$", message = "must be a lower-case slug") String category,
            @NotNull @Pattern(regexp = "^[0-9]{1,78}$", message = "must be a uint256 decimal") String amount,
            @NotNull @Pattern(regexp = "^[0-9]{4}-Q[1-4]$", message = "must look like 2027-Q1") String period) {}

    public ProposalType proposalType() {
        return ProposalType.of(type);
    }

    /** The constitution's demands on content: @return what is wrong, empty if nothing */
    public List<String> problems(TypeRules rules, Set<Long> daoChains) {
        List<String> p = new ArrayList<>();
        List<String> cs = choices == null ? List.of() : choices;
        if (rules.needsChoices()) {
            if (cs.size() < 2) {
                p.add(rules.countingStrategy() + " proposals need at least 2 choices");
            } else if (new HashSet<>(cs).size() != cs.size()) {
                p.add("choices must be distinct");
            }
        } else if (!cs.isEmpty()) {
            p.add("for-against-abstain proposals have no choices of their own");
        }
        ProposalType t = proposalType();
        if (t == ProposalType.TECHNICAL && (actions == null || actions.isEmpty())) {
            p.add("technical proposals must carry executable actions");
        }
        if (t == ProposalType.TREASURY && (allocations == null || allocations.isEmpty())) {
            p.add("treasury proposals must carry allocations");
        }
        if (t == ProposalType.CONSTITUTIONAL) {
            if (constitution == null) {
                p.add("constitutional proposals must carry the new constitution");
            } else {
                try {
                    p.addAll(Constitution.of(constitution).problems());
                } catch (IllegalArgumentException e) {
                    p.add(e.getMessage());
                }
            }
        } else if (constitution != null) {
            p.add("only constitutional proposals may carry a constitution");
        }
        if (actions != null) {
            actions.stream().filter(a -> !daoChains.contains(a.chainId())).findFirst()
                    .ifPresent(a -> p.add("action on chain " + a.chainId() + ", which the DAO does not govern"));
        }
        if (allocations != null) {
            allocations.stream().filter(a -> !daoChains.contains(a.chainId())).findFirst()
                    .ifPresent(a -> p.add("allocation on chain " + a.chainId() + ", which the DAO does not govern"));
        }
        return p;
    }
}
