package io.synod.voting.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which dirty tallies to recompute now. A tally whose recomputation is expensive (a backfill: a GROUP BY over
 * tens of thousands of rows) is recomputed at most every four times its last cost, so the refresh never takes the
 * CPU the votes themselves need; an urgent change (a chain's closing, which can end the tally) goes first
 * whatever that bound says. Times are {@link System#nanoTime()} values. Thread-safe.
 */
final class RefreshSchedule {
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    /** Dirty proposals taken at the next run whatever notBefore says. */
    private final Set<String> urgent = ConcurrentHashMap.newKeySet();
    /** Per proposal, the time before which it is not recomputed again. */
    private final Map<String, Long> notBefore = new ConcurrentHashMap<>();

    void dirty(String proposalId) {
        dirty.add(proposalId);
    }

    /** Not by clearing notBefore: a recomputation in flight would set it again when it ends. */
    void urgent(String proposalId) {
        urgent.add(proposalId);
        dirty.add(proposalId);
    }

    boolean isEmpty() {
        return dirty.isEmpty();
    }

    /** The dirty proposals due at {@code now}, no longer dirty (a change arriving meanwhile marks them again). */
    List<String> takeDue(long now) {
        List<String> due = dirty.stream().filter(id -> urgent.remove(id) || !waiting(id, now)).toList();
        dirty.removeAll(due);
        return due;
    }

    private boolean waiting(String proposalId, long now) {
        Long until = notBefore.get(proposalId);
        return until != null && now - until < 0; // nanoTime: compared by difference, it may be negative
    }

    /** A recomputation of {@code proposalId} ran from {@code started} to {@code ended}. */
    void ran(String proposalId, long started, long ended) {
        notBefore.put(proposalId, ended + 3 * (ended - started));
    }
}
