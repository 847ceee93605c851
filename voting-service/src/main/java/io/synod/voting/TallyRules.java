package io.synod.voting;

import java.util.List;

/**
 * The constitution's counting rules for one proposal, frozen when it was proposed.
 *
 * @param superQuorumBps share of the supply voting in favour that ends the vote early; null if none
 */
public record TallyRules(CountingStrategy strategy, List<String> choices, int quorumBps, int approvalBps,
                         Integer superQuorumBps, long lateQuorumExtensionSeconds) {

    public TallyRules {
        choices = strategy == CountingStrategy.FOR_AGAINST_ABSTAIN ? CountingStrategy.FAA_CHOICES : List.copyOf(choices);
    }

    /** Is {@code support} (or each of {@code approved}) a choice of this proposal? */
    public boolean accepts(Integer support, List<Integer> approved) {
        if (strategy.multipleChoices()) {
            return support == null && approved != null && !approved.isEmpty()
                    && approved.stream().allMatch(c -> c != null && c >= 0 && c < choices.size())
                    && approved.stream().distinct().count() == approved.size();
        }
        return support != null && support >= 0 && support < choices.size() && (approved == null || approved.isEmpty());
    }
}
