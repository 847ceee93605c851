package io.synod.treasury.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A milestone of a grant: planned → submitted (evidence signed by the grantee) → approved (committee; a
 * payout is requested) → paid (the vault paid it, final on chain). Unpaid milestones can be amended,
 * clawed back or canceled with the grant.
 */
@Entity
@Table(name = "milestone", indexes = @Index(name = "milestone_grant_idx", columnList = "grantId, idx"))
public class MilestoneRecord extends PanacheEntityBase {
    public static final String PLANNED = "planned";
    public static final String SUBMITTED = "submitted";
    public static final String APPROVED = "approved";
    public static final String PAID = "paid";
    public static final String CLAWED_BACK = "clawed-back";
    public static final String CANCELED = "canceled";
    /** Still owed to the grantee and not yet sent for payment: these may change. */
    public static final Set<String> OPEN = Set.of(PLANNED, SUBMITTED);

    @Id
    @Column(length = 36)
    public String id;
    @Column(nullable = false, length = 36)
    public String grantId;
    public int idx;
    @Column(nullable = false, length = 200)
    public String title;
    @Column(nullable = false, precision = 78, scale = 0)
    public BigInteger amount;
    @Column(nullable = false)
    public LocalDate due;
    @Column(nullable = false, length = 16)
    public String status;
    @Column(length = 2000)
    public String evidenceUri;
    @Column(length = 66)
    public String evidenceHash;
    /** The committee's open or last motion on the evidence. */
    @Column(length = 36)
    public String motionId;
    @Column(length = 66)
    public String payoutId;
    public Instant submittedAt;
    public Instant approvedAt;
    public Instant paidAt;
}
