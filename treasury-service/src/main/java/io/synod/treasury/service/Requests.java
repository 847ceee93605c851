package io.synod.treasury.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** Request bodies, validated at the edge (400 problem details on violation). */
public final class Requests {
    static final String ADDRESS = "^0x[0-9a-fA-F]{40}$";
    static final String ASSET = "^(native|0x[0-9a-fA-F]{40})$";
    static final String UINT = "^[0-9]{1,78}$";
    static final String HASH = "^0x[0-9a-fA-F]{64}$";
    static final String SIGNATURE = "^0x[0-9a-fA-F]{130}$";
    static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    private Requests() {}

    public record RegisterTreasury(
            @Positive long chainId,
            @NotNull @Pattern(regexp = ASSET, message = "must be native or a token address") String asset,
            @NotNull @Pattern(regexp = ADDRESS, message = "must be an address") String vault) {}

    public record Criterion(
            @NotNull @Pattern(regexp = "^[a-z][a-z0-9-]{0,31}$", message = "must be a lower-case slug") String id,
            @NotBlank @Size(max = 200) String label,
            @Min(1) @Max(100) int weight,
            @Min(1) @Max(100) int max) {}

    public record Member(
            @NotBlank @Size(max = 200) String subject,
            @Pattern(regexp = ADDRESS, message = "must be an address") String address,
            @NotNull @Size(max = 50) List<@NotBlank @Size(max = 100) String> interests) {}

    public record CreateCommittee(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "^[a-z][a-z0-9-]{0,31}$", message = "must be a lower-case slug") String category,
            @Min(1) @Max(50) int requiredApprovals,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Member> members,
            @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull Criterion> rubric) {}

    public record ReplaceMembers(
            @Min(1) @Max(50) int requiredApprovals,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Member> members) {}

    public record PlannedMilestone(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Pattern(regexp = UINT, message = "must be a whole number of base units") String amount,
            @NotNull @Pattern(regexp = DATE, message = "must be a date, yyyy-mm-dd") String due) {}

    /** What an applicant signs: its canonical JSON's keccak256 is the GrantApplication's contentHash. */
    public record ApplicationContent(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Size(max = 20_000) String summary,
            @NotNull @Pattern(regexp = ADDRESS, message = "must be an address") String applicant,
            @NotNull @Pattern(regexp = ADDRESS, message = "must be an address") String recipient,
            @Positive long chainId,
            @NotNull @Pattern(regexp = ASSET, message = "must be native or a token address") String asset,
            @NotNull @Pattern(regexp = "^[0-9]{4}-Q[1-4]$", message = "must look like 2027-Q1") String period,
            @NotNull @Pattern(regexp = UINT, message = "must be a whole number of base units") String amount,
            @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull PlannedMilestone> milestones,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> affiliations) {}

    public record SubmitApplication(
            @Valid @NotNull ApplicationContent content,
            @PositiveOrZero long nonce,
            @NotNull @Pattern(regexp = SIGNATURE, message = "must be a 65-byte 0x-hex signature") String signature) {}

    public record Review(
            @NotNull @Size(min = 1, max = 20) Map<@NotBlank @Size(max = 32) String, @NotNull Integer> scores,
            @Size(max = 5000) String comment) {}

    public record Vote(
            @NotNull @Pattern(regexp = "^(approve|reject)$", message = "must be approve or reject") String decision,
            @Size(max = 2000) String comment) {}

    public record Evidence(
            @NotBlank @Size(max = 2000) @Pattern(regexp = "^(https|ipfs|ar)://\\S+$", message = "must be an https, ipfs or ar URI")
            String uri,
            @NotNull @Pattern(regexp = HASH, message = "must be a 32-byte 0x-hex hash") String evidenceHash,
            @PositiveOrZero long nonce,
            @NotNull @Pattern(regexp = SIGNATURE, message = "must be a 65-byte 0x-hex signature") String signature) {}

    /** A milestone in an amendment: an existing open one by id, or a new one without. */
    public record AmendedMilestone(
            @Size(max = 36) String id,
            @NotBlank @Size(max = 200) String title,
            @NotNull @Pattern(regexp = UINT, message = "must be a whole number of base units") String amount,
            @NotNull @Pattern(regexp = DATE, message = "must be a date, yyyy-mm-dd") String due) {}

    /**
     * A motion on a grant. {@code amend}: {@code milestones} is the complete new list of its unpaid
     * milestones; {@code clawback}: {@code milestoneIds} are the unpaid milestones taken back; {@code cancel}:
     * every unpaid milestone is released. A reason is required.
     */
    public record Motion(
            @NotNull @Pattern(regexp = "^(amend|clawback|cancel)$", message = "must be amend, clawback or cancel") String kind,
            @NotBlank @Size(max = 2000) String reason,
            @Size(max = 20) List<@Valid @NotNull AmendedMilestone> milestones,
            @Size(max = 20) List<@NotBlank @Size(max = 36) String> milestoneIds) {}
}
