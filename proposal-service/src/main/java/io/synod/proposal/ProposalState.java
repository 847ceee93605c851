package io.synod.proposal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Draft → Sponsoring → Pending → Active → Succeeded | Defeated; Succeeded → Queued → Executed | Expired;
 * Canceled by the proposer before Active; Vetoed by the DAO's guardian while Queued.
 */
public enum ProposalState {
    DRAFT, SPONSORING, PENDING, ACTIVE, SUCCEEDED, DEFEATED, QUEUED, EXECUTED, EXPIRED, CANCELED, VETOED;

    private static final Map<ProposalState, Set<ProposalState>> NEXT = Map.ofEntries(
            Map.entry(DRAFT, EnumSet.of(SPONSORING, PENDING, CANCELED)),
            Map.entry(SPONSORING, EnumSet.of(PENDING, CANCELED)),
            Map.entry(PENDING, EnumSet.of(ACTIVE, CANCELED)),
            Map.entry(ACTIVE, EnumSet.of(SUCCEEDED, DEFEATED)),
            Map.entry(SUCCEEDED, EnumSet.of(QUEUED)),
            Map.entry(QUEUED, EnumSet.of(EXECUTED, EXPIRED, VETOED)),
            Map.entry(DEFEATED, EnumSet.noneOf(ProposalState.class)),
            Map.entry(EXECUTED, EnumSet.noneOf(ProposalState.class)),
            Map.entry(EXPIRED, EnumSet.noneOf(ProposalState.class)),
            Map.entry(CANCELED, EnumSet.noneOf(ProposalState.class)),
            Map.entry(VETOED, EnumSet.noneOf(ProposalState.class)));

    public boolean canMoveTo(ProposalState next) {
        return NEXT.get(this).contains(next);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
