package io.synod.proposal;

import java.util.Arrays;
import java.util.Locale;

/** What a proposal may do; each type has its own rules in the constitution. */
public enum ProposalType {
    POLICY, TECHNICAL, TREASURY, CONSTITUTIONAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProposalType of(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(String.valueOf(id).toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown proposal type " + id));
    }
}
