package io.synod.proposal.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigInteger;
import java.time.Instant;

/** A sponsor's signed support; one per sponsor and chain, so power is never counted twice. */
@Entity
@Table(name = "sponsorship", uniqueConstraints = @UniqueConstraint(columnNames = {"proposalId", "sponsor", "chainId"}))
public class SponsorshipRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, length = 36)
    public String proposalId;
    @Column(nullable = false, length = 42)
    public String sponsor;
    public long chainId;
    @Column(nullable = false, precision = 78, scale = 0)
    public BigInteger power;
    public long timepoint;
    @Column(nullable = false, length = 132)
    public String signature;
    @Column(nullable = false)
    public Instant createdAt;
}
