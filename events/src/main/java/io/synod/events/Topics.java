package io.synod.events;

/** Kafka topics every service agrees on; the record key is named after each. */
public final class Topics {
    /** Proposal lifecycle facts, keyed by proposalId. */
    public static final String PROPOSALS = "governance.proposals";
    /** Votes, their retractions and per-chain closings, keyed by proposalId. */
    public static final String VOTES = "governance.votes";
    /** Provisional and final tallies, keyed by proposalId. */
    public static final String TALLIES = "governance.tallies";
    /** Per-chain head/safe/finalized watermarks, keyed by chainId. */
    public static final String WATERMARKS = "bridge.watermarks";
    /** Relayer outcomes (spoke openings, extensions, cancellations), keyed by proposalId. */
    public static final String RELAYS = "bridge.relays";

    /** Payouts the treasury asks the bridge to pay, keyed by payoutId. */
    public static final String PAYOUTS = "treasury.payouts";
    /** Payouts' on-chain outcomes, keyed by payoutId. */
    public static final String RECEIPTS = "bridge.receipts";

    private Topics() {}
}
