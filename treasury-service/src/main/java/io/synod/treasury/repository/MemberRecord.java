package io.synod.treasury.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** A committee member: who they are (their bearer token's subject), their address and declared interests. */
@Entity
@Table(name = "committee_member", indexes = @Index(name = "member_committee_idx", columnList = "committeeId"))
public class MemberRecord extends PanacheEntityBase {
    /** committeeId:subject */
    @Id
    @Column(length = 240)
    public String id;
    @Column(nullable = false, length = 36)
    public String committeeId;
    @Column(nullable = false, length = 200)
    public String subject;
    @Column(length = 42)
    public String address;
    /** JSON list of declared interests (addresses, org:… names) */
    @Column(nullable = false, columnDefinition = "text")
    public String interestsJson;
    @Column(nullable = false)
    public Instant since;

    public static String id(String committeeId, String subject) {
        return committeeId + ":" + subject;
    }
}
