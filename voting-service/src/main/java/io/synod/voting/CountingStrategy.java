package io.synod.voting;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How ballots turn into a result. Choice indexes are what a ballot's {@code support} names. */
public enum CountingStrategy {
    /** OpenZeppelin Governor's simple counting: 0 = against, 1 = for, 2 = abstain. */
    FOR_AGAINST_ABSTAIN("for-against-abstain"),
    /** One choice among N, weighted by tokens. */
    SINGLE_CHOICE("single-choice"),
    /** Any subset of N choices; each approved choice receives the voter's full weight. */
    APPROVAL("approval"),
    /**
     * One choice among N; a person's credit is the square root of their weight summed over every chain
     * they voted from, so splitting tokens across chains or addresses-per-chain gains nothing.
     */
    QUADRATIC("quadratic");

    public static final int AGAINST = 0;
    public static final int FOR = 1;
    public static final int ABSTAIN = 2;
    public static final List<String> FAA_CHOICES = List.of("against", "for", "abstain");

    private final String id;

    CountingStrategy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static CountingStrategy of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown counting strategy " + id));
    }

    public boolean multipleChoices() {
        return this == APPROVAL;
    }
}
