package io.synod.treasury;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A grant's schedule: milestones paid one by one, each an amount due by a date. A plan is sound when it has
 * 1–{@value #MAX} milestones, each with a positive amount, due dates in order, and amounts summing exactly to
 * the grant.
 */
public record MilestonePlan(List<Milestone> milestones) {
    public static final int MAX = 20;

    public record Milestone(String title, BigInteger amount, LocalDate due) {}

    public BigInteger total() {
        return milestones.stream().map(Milestone::amount).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** @return what is wrong with this plan for a grant of {@code amount} starting {@code today}; empty if nothing */
    public List<String> problems(BigInteger amount, LocalDate today) {
        List<String> p = new ArrayList<>();
        if (milestones.isEmpty() || milestones.size() > MAX) {
            p.add("a grant has 1 to " + MAX + " milestones");
            return p;
        }
        LocalDate previous = null;
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            if (m.amount().signum() <= 0) {
                p.add("milestone " + (i + 1) + " must pay a positive amount");
            }
            if (m.due().isBefore(today)) {
                p.add("milestone " + (i + 1) + " is due in the past");
            }
            if (previous != null && m.due().isBefore(previous)) {
                p.add("milestone " + (i + 1) + " is due before milestone " + i);
            }
            previous = m.due();
        }
        if (p.isEmpty() && total().compareTo(amount) != 0) {
            p.add("the milestones add up to " + total() + ", the grant is " + amount);
        }
        return p;
    }
}
