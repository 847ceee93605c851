package io.synod.treasury.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;

/**
 * A payout of one approved milestone. Its id is the vault's once-only key, derived from the milestone,
 * so the milestone can be paid at most once on chain, however often the request is sent or retried.
 */
@Entity
@Table(name = "payout", indexes = {
        @Index(name = "payout_grant_idx", columnList = "grantId"),
        @Index(name = "payout_status_idx", columnList = "status")})
public class PayoutRecord extends PanacheEntityBase {
    public static final String REQUESTED = "requested";
    public static final String PAID = "paid";
    public static final String FAILED = "failed";

    /** bytes32 as 0x-hex */
    @Id
    @Column(length = 66)
    public String id;
    @Column(nullable = false, length = 36)
    public String milestoneId;
    @Column(nullable = false, length = 36)
    public String grantId;
    @Column(nullable = false, length = 36)
    public String envelopeId;
    @Column(nullable = false, length = 64)
    public String dao;
    public long chainId;
    @Column(nullable = false, length = 42)
    public String vault;
    @Column(nullable = false, length = 42)
    public String asset;
    @Column(nullable = false, length = 42)
    public String recipient;
    @Column(nullable = false, precision = 78, scale = 0)
    public BigInteger amount;
    @Column(nullable = false, length = 16)
    public String status;
    public int attempt;
    @Column(length = 66)
    public String txHash;
    public long blockNumber;
    @Column(length = 66)
    public String blockHash;
    @Column(length = 512)
    public String error;
    @Column(nullable = false)
    public Instant requestedAt;
    @Column(nullable = false)
    public Instant updatedAt;
    public Instant paidAt;
}
