package io.synod.treasury;

/**
 * A committee's M-of-N rule: {@code required} approvals of its {@code members}. When members are recused
 * the rule keeps its proportion over those who may still decide: {@code ceil(M × eligible / N)}, at least
 * one. A 3-of-5 committee with one member recused needs 3 of the 4 others; a 2-of-3 committee with one
 * recused needs both others.
 */
public record ApprovalPolicy(int required, int members) {

    public ApprovalPolicy {
        if (members < 1 || required < 1 || required > members) {
            throw new IllegalArgumentException("an approval policy needs 1 ≤ M ≤ N, not " + required + "-of-" + members);
        }
    }

    /** Approvals needed when only {@code eligible} of the members may decide. */
    public int requiredAmong(int eligible) {
        if (eligible < 1) {
            throw new IllegalArgumentException("no member may decide: every member is recused");
        }
        if (eligible > members) {
            throw new IllegalArgumentException(eligible + " eligible of " + members + " members");
        }
        int scaled = (required * eligible + members - 1) / members; // ceil, in integers
        return Math.max(1, Math.min(eligible, scaled));
    }

    @Override
    public String toString() {
        return required + "-of-" + members;
    }
}
