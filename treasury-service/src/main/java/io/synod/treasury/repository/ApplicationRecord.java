package io.synod.treasury.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;

/** A grant application, as its applicant signed it, and where the committee stands on it. */
@Entity
@Table(name = "application", indexes = @Index(name = "application_committee_idx", columnList = "committeeId, createdAt"))
public class ApplicationRecord extends PanacheEntityBase {
    public static final String SUBMITTED = "submitted";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    @Id
    @Column(length = 36)
    public String id;
    @Column(nullable = false, length = 36)
    public String committeeId;
    @Column(nullable = false, length = 64)
    public String dao;
    @Column(nullable = false, length = 42)
    public String applicant;
    @Column(nullable = false, length = 42)
    public String recipient;
    @Column(nullable = false, length = 200)
    public String title;
    public long chainId;
    @Column(nullable = false, length = 42)
    public String asset;
    @Column(nullable = false, length = 7)
    public String period;
    @Column(nullable = false, precision = 78, scale = 0)
    public BigInteger amount;
    /** The signed content (canonical JSON): title, summary, milestones, affiliations, … */
    @Column(nullable = false, columnDefinition = "text")
    public String contentJson;
    @Column(nullable = false, length = 66)
    public String contentHash;
    @Column(nullable = false, length = 132)
    public String signature;
    @Column(nullable = false, length = 16)
    public String status;
    /** JSON list of the members recused for a conflict of interest */
    @Column(nullable = false, columnDefinition = "text")
    public String recusedJson;
    /** The committee's decision on it. */
    @Column(nullable = false, length = 36)
    public String motionId;
    @Column(length = 36)
    public String grantId;
    @Column(nullable = false)
    public Instant createdAt;
    public Instant decidedAt;
}
