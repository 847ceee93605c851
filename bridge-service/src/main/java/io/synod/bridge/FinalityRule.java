package io.synod.bridge;

/**
 * When a block on a chain counts as final: a number of confirmations on top of it, or the chain's own
 * {@code safe} / {@code finalized} block tag (L2s and L3s publish these from their settlement layer).
 */
public record FinalityRule(Kind kind, int confirmations) {
    public enum Kind { CONFIRMATIONS, SAFE, FINALIZED }

    /** Parses {@code finalized}, {@code safe} or {@code confirmations:N}. */
    public static FinalityRule parse(String spec) {
        String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("finalized")) {
            return new FinalityRule(Kind.FINALIZED, 0);
        }
        if (s.equals("safe")) {
            return new FinalityRule(Kind.SAFE, 0);
        }
        if (s.startsWith("confirmations:")) {
            int n = Integer.parseInt(s.substring("confirmations:".length()));
            if (n < 0 || n > 10_000) {
                throw new IllegalArgumentException("confirmations must be 0..10000: " + spec);
            }
            return new FinalityRule(Kind.CONFIRMATIONS, n);
        }
        throw new IllegalArgumentException("finality must be finalized, safe or confirmations:N, not " + spec);
    }

    @Override
    public String toString() {
        return kind == Kind.CONFIRMATIONS ? "confirmations:" + confirmations : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
