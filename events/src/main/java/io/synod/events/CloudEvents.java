package io.synod.events;

/**
 * CloudEvents 1.0 in Kafka binary mode: attributes travel as {@code ce_*} headers, the payload
 * record is the JSON value. Types carry their payload version ({@code .v1}); a consumer that meets
 * an unknown type or version rejects it to the dead-letter topic rather than guessing.
 */
public final class CloudEvents {
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public static final String H_SPEC_VERSION = "ce_specversion";
    public static final String H_ID = "ce_id";
    public static final String H_TYPE = "ce_type";
    public static final String H_SOURCE = "ce_source";
    public static final String H_TIME = "ce_time";
    public static final String H_SUBJECT = "ce_subject";
    public static final String H_CONTENT_TYPE = "content-type";

    /** {@link ProposalEvent}: the proposal's state changed; the type names the new state. */
    public static final String PROPOSAL_PREFIX = "io.synod.proposal.";
    public static final String PROPOSAL_CREATED = "io.synod.proposal.created.v1";
    public static final String PROPOSAL_PENDING = "io.synod.proposal.pending.v1";
    public static final String PROPOSAL_ACTIVATED = "io.synod.proposal.activated.v1";
    public static final String PROPOSAL_CANCELED = "io.synod.proposal.canceled.v1";
    public static final String PROPOSAL_SUCCEEDED = "io.synod.proposal.succeeded.v1";
    public static final String PROPOSAL_DEFEATED = "io.synod.proposal.defeated.v1";
    public static final String PROPOSAL_QUEUED = "io.synod.proposal.queued.v1";
    public static final String PROPOSAL_EXECUTED = "io.synod.proposal.executed.v1";
    public static final String PROPOSAL_EXPIRED = "io.synod.proposal.expired.v1";
    public static final String PROPOSAL_VETOED = "io.synod.proposal.vetoed.v1";

    /** {@link VoteEvent}: a vote to count (cast) or to undo (retracted, after a reorg). */
    public static final String VOTE_CAST = "io.synod.vote.cast.v1";
    public static final String VOTE_RETRACTED = "io.synod.vote.retracted.v1";
    /** {@link ChainClosedEvent}: a chain's votes on a proposal are all final. */
    public static final String CHAIN_CLOSED = "io.synod.vote.chain-closed.v1";

    /** {@link WatermarkEvent}: how far a chain has been followed. */
    public static final String WATERMARK = "io.synod.bridge.watermark.v1";
    /** {@link RelayEvent}: a relayer transaction confirmed or given up. */
    public static final String RELAY_CONFIRMED = "io.synod.bridge.relay.confirmed.v1";
    public static final String RELAY_FAILED = "io.synod.bridge.relay.failed.v1";

    /** {@link PayoutRequest}: pay this from the DAO's vault (treasury → bridge). */
    public static final String PAYOUT_REQUESTED = "io.synod.treasury.payout.requested.v1";
    /** {@link PayoutReceipt}: a payout's on-chain outcome (bridge → treasury). */
    public static final String PAYOUT_PAID = "io.synod.bridge.payout.paid.v1";
    public static final String PAYOUT_FAILED = "io.synod.bridge.payout.failed.v1";

    /** {@link TallyEvent}: the proposal's tally, provisional while open, final once closed. */
    public static final String TALLY_UPDATED = "io.synod.tally.updated.v1";

    private CloudEvents() {}
}
