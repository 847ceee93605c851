package io.synod.treasury.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A question before a committee: approve an application, approve a milestone's evidence, amend a grant,
 * claw back milestones or cancel a grant. Who may decide and how many approvals it needs are fixed when
 * it opens (members minus the recused), so a later membership change does not move the goalposts.
 */
@Entity
@Table(name = "motion", indexes = @Index(name = "motion_subject_idx", columnList = "subjectId"))
public class MotionRecord extends PanacheEntityBase {
    public static final String OPEN = "open";
    public static final String CARRIED = "carried";
    public static final String REJECTED = "rejected";

    @Id
    @Column(length = 36)
    public String id;
    @Column(nullable = false, length = 36)
    public String committeeId;
    /** application | milestone | amend | clawback | cancel */
    @Column(nullable = false, length = 16)
    public String kind;
    /** The application, milestone or grant it is about. */
    @Column(nullable = false, length = 36)
    public String subjectId;
    /** What carrying it does (an amendment's new milestones, the milestones clawed back), as JSON. */
    @Column(columnDefinition = "text")
    public String payloadJson;
    @Column(length = 2000)
    public String reason;
    @Column(nullable = false, length = 200)
    public String movedBy;
    @Column(nullable = false, length = 16)
    public String status;
    public int required;
    @Column(nullable = false, columnDefinition = "text")
    public String eligibleJson;
    @Column(nullable = false, columnDefinition = "text")
    public String recusedJson;
    @Column(nullable = false)
    public Instant createdAt;
    public Instant decidedAt;
}
