package io.synod.treasury.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member's approve or reject on a motion: one each, final once cast. */
@Entity
@Table(name = "motion_vote", indexes = @Index(name = "motion_vote_motion_idx", columnList = "motionId"))
public class MotionVoteRecord extends PanacheEntityBase {
    /** motionId:member */
    @Id
    @Column(length = 240)
    public String id;
    @Column(nullable = false, length = 36)
    public String motionId;
    @Column(nullable = false, length = 200)
    public String member;
    /** approve | reject */
    @Column(nullable = false, length = 8)
    public String decision;
    @Column(length = 2000)
    public String comment;
    @Column(nullable = false)
    public Instant at;
}
