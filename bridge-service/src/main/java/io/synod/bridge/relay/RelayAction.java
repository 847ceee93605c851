package io.synod.bridge.relay;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;

/**
 * A transaction the relayer owes a chain: a spoke change for a proposal (open, extend, cancel) or a payout
 * from a DAO's vault. Its hash is stored before it is broadcast, so after a crash the relayer looks for that
 * transaction's receipt instead of sending a second one.
 */
@Entity
@Table(name = "relay_action", indexes = {
        @Index(name = "relay_action_due", columnList = "chainId,status"),
        @Index(name = "relay_action_subject", columnList = "subject")})
public class RelayAction extends PanacheEntityBase {
    public static final String PENDING = "pending";
    public static final String CONFIRMED = "confirmed";
    public static final String FAILED = "failed";
    public static final String PAYOUT = "payout";

    /**
     * proposalId:chainId:action[:arg] for spoke actions, payout:payoutId:attempt for payouts — one of each,
     * however often the triggering event arrives.
     */
    @Id
    @Column(length = 128)
    public String id;
    /** The proposal (spoke actions) or the payout id (payouts). */
    @Column(nullable = false, length = 66)
    public String subject;
    public long chainId;
    /** open | extend:voteEnd | cancel | payout */
    @Column(nullable = false, length = 32)
    public String action;
    @Column(nullable = false, length = 16)
    public String status = PENDING;
    public int attempts;
    @Column(length = 66)
    public String txHash;
    public Long nonce;
    @Column(precision = 78, scale = 0)
    public BigInteger maxFee;
    @Column(precision = 78, scale = 0)
    public BigInteger priorityFee;
    public Instant sentAt;
    @Column(length = 512)
    public String lastError;
    public Instant createdAt;
    public Instant updatedAt;

    // ---- payouts only ----
    /** The vault paid from. */
    @Column(length = 42)
    public String target;
    /** The vault's payout(payoutId, asset, to, amount) call. */
    @Column(length = 1024)
    public String calldata;
    /** The treasury's request attempt this answers. */
    public int payoutAttempt;
    /** The chain's head when the payout was first taken on: a payment of it cannot lie below. */
    public Long fromBlock;
    /** Where the paying transaction was mined; the payout is reported paid once this block is final. */
    public Long minedBlock;
    @Column(length = 66)
    public String minedHash;

    public boolean isPayout() {
        return PAYOUT.equals(action);
    }
}
