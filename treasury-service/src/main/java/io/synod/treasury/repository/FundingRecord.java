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
 * One allocation of an executed treasury proposal, applied to an envelope — or refused (a sub-DAO whose
 * parent's envelope lacks the money), with the reason. Its id makes a redelivered proposal event a no-op.
 */
@Entity
@Table(name = "funding", indexes = @Index(name = "funding_dao_idx", columnList = "dao"))
public class FundingRecord extends PanacheEntityBase {
    public static final String APPLIED = "applied";
    public static final String REFUSED = "refused";

    /** proposalId:index of the allocation in the proposal */
    @Id
    @Column(length = 48)
    public String id;
    @Column(nullable = false, length = 36)
    public String proposalId;
    @Column(nullable = false, length = 64)
    public String dao;
    @Column(length = 36)
    public String envelopeId;
    /** The parent's envelope drawn from, for a sub-DAO. */
    @Column(length = 36)
    public String drawnFromId;
    @Column(nullable = false, length = 7)
    public String period;
    @Column(nullable = false, length = 32)
    public String category;
    public long chainId;
    @Column(nullable = false, length = 42)
    public String asset;
    @Column(nullable = false, precision = 78, scale = 0)
    public BigInteger amount;
    @Column(nullable = false, length = 16)
    public String status;
    @Column(length = 500)
    public String reason;
    @Column(nullable = false)
    public Instant at;
}
