package io.synod.treasury.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A grants committee: it spends one category of its DAO's envelopes under an M-of-N approval policy. */
@Entity
@Table(name = "committee")
public class CommitteeRecord extends PanacheEntityBase {
    @Id
    @Column(length = 36)
    public String id;
    @Column(nullable = false, length = 64)
    public String dao;
    @Column(nullable = false, length = 200)
    public String name;
    /** The envelope category it grants from, e.g. grants. */
    @Column(nullable = false, length = 32)
    public String category;
    /** M of the M-of-N policy; N is the number of members. */
    public int requiredApprovals;
    @Column(nullable = false, columnDefinition = "text")
    public String rubricJson;
    @Column(nullable = false, length = 200)
    public String createdBy;
    @Column(nullable = false)
    public Instant createdAt;
}
