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
 * A transaction the relayer owes a chain. Its hash is stored before it is broadcast, so after a crash
 * the relayer looks for that transaction's receipt instead of sending a second one.
 */
@Entity
@Table(name = "relay_action", indexes = @Index(name = "relay_action_due", columnList = "chainId,status"))
public class RelayAction extends PanacheEntityBase {
    public static final String PENDING = "pending";
    public static final String CONFIRMED = "confirmed";
    public static final String FAILED = "failed";

    /** proposalId:chainId:action[:arg] — one of each, however often the triggering event arrives. */
    @Id
    @Column(length = 96)
    public String id;
    @Column(nullable = false, length = 36)
    public String proposalId;
    public long chainId;
    /** open | extend | cancel */
    @Column(nullable = false, length = 16)
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
}
