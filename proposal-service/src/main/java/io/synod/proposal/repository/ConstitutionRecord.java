package io.synod.proposal.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of a DAO's constitution; version 1 at creation, each later one adopted by a proposal. */
@Entity
@Table(name = "constitution")
public class ConstitutionRecord extends PanacheEntityBase {
    @Id
    @Column(length = 80)
    public String id;
    @Column(nullable = false, length = 64)
    public String dao;
    public int version;
    @Column(nullable = false, columnDefinition = "text")
    public String rulesJson;
    /** "genesis" or the id of the constitutional proposal that adopted it. */
    @Column(nullable = false, length = 36)
    public String adoptedBy;
    @Column(nullable = false)
    public Instant adoptedAt;

    public static String id(String dao, int version) {
        return dao + ":" + version;
    }
}
