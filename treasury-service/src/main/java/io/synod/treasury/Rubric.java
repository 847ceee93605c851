package io.synod.treasury;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * How a committee scores applications: criteria, each with a weight and a maximum score. A review scores
 * every criterion from 0 to its maximum; its result is the weighted share of the maximum, in basis points.
 */
public record Rubric(List<Criterion> criteria) {

    public record Criterion(String id, String label, int weight, int max) {}

    /** @return what is wrong with the rubric itself; empty if nothing */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (criteria.isEmpty()) {
            p.add("a rubric needs at least one criterion");
        }
        if (new HashSet<>(criteria.stream().map(Criterion::id).toList()).size() != criteria.size()) {
            p.add("criterion ids must be distinct");
        }
        criteria.stream().filter(c -> c.weight() < 1 || c.max() < 1)
                .forEach(c -> p.add("criterion " + c.id() + " needs a positive weight and maximum"));
        return p;
    }

    /** @return what is wrong with a review's scores; empty if nothing */
    public List<String> problems(Map<String, Integer> scores) {
        List<String> p = new ArrayList<>();
        for (Criterion c : criteria) {
            Integer s = scores.get(c.id());
            if (s == null) {
                p.add("criterion " + c.id() + " is not scored");
            } else if (s < 0 || s > c.max()) {
                p.add("criterion " + c.id() + " is scored from 0 to " + c.max());
            }
        }
        scores.keySet().stream().filter(k -> criteria.stream().noneMatch(c -> c.id().equals(k)))
                .forEach(k -> p.add("no criterion " + k + " in this committee's rubric"));
        return p;
    }

    /** The weighted score in basis points of the best possible (10000 = every criterion at its maximum). */
    public int scoreBps(Map<String, Integer> scores) {
        long got = 0;
        long best = 0;
        for (Criterion c : criteria) {
            got += (long) c.weight() * scores.get(c.id()) * 10_000 / c.max();
            best += c.weight();
        }
        return (int) (got / best);
    }
}
