package io.synod.treasury.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;

/** A grant: an approved application's money, committed from one envelope and paid milestone by milestone. */
@Entity
@Table(name = "grant_award", indexes = {
        @Index(name = "grant_committee_idx", columnList = "committeeId"),
        @Index(name = "grant_envelope_idx", columnList = "envelopeId")})
public class GrantRecord extends PanacheEntityBase {
    public static final String ACTIVE = "active";
    public static final String COMPLETED = "completed";
    public static final String CANCELED = "canceled";

    @Id
    @Column(length = 36)
    public String id;
    @Column(nullable = false, length = 36)
    public String applicationId;
    @Column(nullable = false, length = 36)
    public String committeeId;
    @Column(nullable = false, length = 64)
    public String dao;
    @Column(nullable = false, length = 36)
    public String envelopeId;
    @Column(nullable = false, length = 42)
    public String grantee;
    @Column(nullable = false, length = 42)
    public String recipient;
    public long chainId;
    @Column(nullable = false, length = 42)
    public String asset;
    @Column(nullable = false, length = 42)
    public String vault;
    /** The grant's current total: the sum of its milestones that are not clawed back or canceled. */
    @Column(nullable = false, precision = 78, scale = 0)
    public BigInteger amount;
    @Column(nullable = false, length = 16)
    public String status;
    @Column(length = 2000)
    public String cancelReason;
    @Column(nullable = false)
    public Instant createdAt;
    @Column(nullable = false)
    public Instant updatedAt;
}
