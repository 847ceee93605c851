package io.synod.proposal.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "dao")
public class DaoRecord extends PanacheEntityBase {
    @Id
    @Column(length = 64)
    public String slug;
    @Column(nullable = false, length = 200)
    public String name;
    /** A sub-DAO's parent; null for a top-level DAO. */
    @Column(length = 64)
    public String parent;
    /** May veto queued proposals; null for none. */
    @Column(length = 42)
    public String guardian;
    @Column(nullable = false, columnDefinition = "text")
    public String chainsJson;
    public int constitutionVersion;
    @Column(nullable = false)
    public Instant createdAt;
    @Column(length = 200)
    public String createdBy;
}
