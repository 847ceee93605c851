package io.synod.treasury;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a committee stands on one question (an application, a milestone, an amendment, a clawback, a
 * cancellation). Only eligible members count: a recused member's vote is never counted, and the approvals
 * required are the policy's share of those who may decide. Carried once enough approve; rejected once so
 * many reject that the required approvals can no longer be reached.
 *
 * @param eligible members who may decide (the committee minus the recused), by subject
 * @param required approvals needed among them
 */
public record CommitteeDecision(Set<String> eligible, int required) {

    public enum Outcome { OPEN, CARRIED, REJECTED }

    public enum Vote { APPROVE, REJECT }

    public static CommitteeDecision of(ApprovalPolicy policy, Set<String> members, Set<String> recused) {
        Set<String> eligible = new TreeSet<>(members);
        eligible.removeAll(recused);
        return new CommitteeDecision(Set.copyOf(eligible), policy.requiredAmong(eligible.size()));
    }

    public boolean mayVote(String member) {
        return eligible.contains(member);
    }

    public Outcome outcome(Map<String, Vote> votes) {
        long approvals = counted(votes, Vote.APPROVE);
        long rejections = counted(votes, Vote.REJECT);
        if (approvals >= required) {
            return Outcome.CARRIED;
        }
        if (rejections > eligible.size() - required) {
            return Outcome.REJECTED;
        }
        return Outcome.OPEN;
    }

    public long approvals(Map<String, Vote> votes) {
        return counted(votes, Vote.APPROVE);
    }

    private long counted(Map<String, Vote> votes, Vote kind) {
        return votes.entrySet().stream().filter(e -> eligible.contains(e.getKey()) && e.getValue() == kind).count();
    }
}
