package io.synod.treasury.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.synod.treasury.EnvelopeBalance;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigInteger;
import java.time.Instant;
import org.hibernate.annotations.Check;

/**
 * A budget envelope. Its amounts change only under its row lock, through {@link EnvelopeBalance}; the
 * database checks the same invariant, so no code path can take an envelope below zero.
 */
@Entity
@Table(name = "envelope", uniqueConstraints = @UniqueConstraint(name = "envelope_key",
        columnNames = {"dao", "period", "category", "chainId", "asset"}))
@Check(name = "envelope_within_allocation", constraints = "delegated >= 0 AND committed >= 0 AND spent >= 0"
        + " AND delegated + committed + spent <= allocated")
public class EnvelopeRecord extends PanacheEntityBase {
    @Id
    @Column(length = 36)
    public String id;
    @Column(nullable = false, length = 64)
    public String dao;
    @Column(nullable = false, length = 7)
    public String period;
    @Column(nullable = false, length = 32)
    public String category;
    public long chainId;
    @Column(nullable = false, length = 42)
    public String asset;
    /** The parent DAO's envelope this one draws from (sub-DAOs); null for a top-level DAO. */
    @Column(length = 36)
    public String parentId;
    @Column(nullable = false, precision = 78, scale = 0)
    public BigInteger allocated = BigInteger.ZERO;
    @Column(nullable = false, precision = 78, scale = 0)
    public BigInteger delegated = BigInteger.ZERO;
    @Column(nullable = false, precision = 78, scale = 0)
    public BigInteger committed = BigInteger.ZERO;
    @Column(nullable = false, precision = 78, scale = 0)
    public BigInteger spent = BigInteger.ZERO;
    @Column(nullable = false)
    public Instant createdAt;
    @Column(nullable = false)
    public Instant updatedAt;

    public EnvelopeBalance balance() {
        return new EnvelopeBalance(allocated, delegated, committed, spent);
    }

    public void apply(EnvelopeBalance b) {
        allocated = b.allocated();
        delegated = b.delegated();
        committed = b.committed();
        spent = b.spent();
        updatedAt = Instant.now();
    }
}
