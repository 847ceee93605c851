package io.synod.treasury;

import java.math.BigInteger;

/**
 * What a budget envelope holds, in the asset's base units. {@code allocated} is what passed treasury
 * proposals gave it; it is used by grants {@code committed} (approved, unpaid), {@code spent} (paid) and,
 * for a parent DAO's envelope, {@code delegated} to its sub-DAOs' envelopes. Nothing may exceed it:
 * {@code delegated + committed + spent ≤ allocated}, always.
 */
public record EnvelopeBalance(BigInteger allocated, BigInteger delegated, BigInteger committed, BigInteger spent) {

    public EnvelopeBalance {
        if (allocated.signum() < 0 || delegated.signum() < 0 || committed.signum() < 0 || spent.signum() < 0) {
            throw new IllegalStateException("an envelope amount cannot be negative");
        }
        if (delegated.add(committed).add(spent).compareTo(allocated) > 0) {
            throw new IllegalStateException("an envelope cannot use more than it was allocated");
        }
    }

    public static EnvelopeBalance empty() {
        return new EnvelopeBalance(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
    }

    /** What is still free to commit or delegate. */
    public BigInteger available() {
        return allocated.subtract(delegated).subtract(committed).subtract(spent);
    }

    /** A passed treasury proposal (or a parent's delegation) adds to the envelope. */
    public EnvelopeBalance fund(BigInteger amount) {
        return new EnvelopeBalance(allocated.add(amount), delegated, committed, spent);
    }

    /** A grant approved (or increased by an amendment): the money is promised. */
    public EnvelopeBalance commit(BigInteger amount) {
        requireAvailable(amount);
        return new EnvelopeBalance(allocated, delegated, committed.add(amount), spent);
    }

    /** A sub-DAO's passed treasury proposal draws from this, its parent's envelope. */
    public EnvelopeBalance delegate(BigInteger amount) {
        requireAvailable(amount);
        return new EnvelopeBalance(allocated, delegated.add(amount), committed, spent);
    }

    /** A promise withdrawn (clawback, cancellation, an amendment that lowers a grant): free again. */
    public EnvelopeBalance release(BigInteger amount) {
        if (amount.compareTo(committed) > 0) {
            throw new IllegalStateException("cannot release " + amount + ": only " + committed + " is committed");
        }
        return new EnvelopeBalance(allocated, delegated, committed.subtract(amount), spent);
    }

    /** A committed amount was paid on chain. */
    public EnvelopeBalance spend(BigInteger amount) {
        if (amount.compareTo(committed) > 0) {
            throw new IllegalStateException("cannot spend " + amount + ": only " + committed + " is committed");
        }
        return new EnvelopeBalance(allocated, delegated, committed.subtract(amount), spent.add(amount));
    }

    private void requireAvailable(BigInteger amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("an amount must be positive");
        }
        if (amount.compareTo(available()) > 0) {
            throw new OverBudget(amount, available());
        }
    }

    /** More was asked of an envelope than it has free. */
    public static final class OverBudget extends RuntimeException {
        private final BigInteger requested;
        private final BigInteger available;

        public OverBudget(BigInteger requested, BigInteger available) {
            super("the envelope has " + available + " free, " + requested + " was asked", null, false, false);
            this.requested = requested;
            this.available = available;
        }

        public BigInteger requested() {
            return requested;
        }

        public BigInteger available() {
            return available;
        }
    }
}
