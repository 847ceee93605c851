package io.synod.proposal.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;

@Entity
@Table(name = "proposal", indexes = {
        @Index(name = "proposal_dao_idx", columnList = "dao, createdAt"),
        @Index(name = "proposal_state_idx", columnList = "state")})
public class ProposalRecord extends PanacheEntityBase {
    @Id
    @Column(length = 36)
    public String id;
    @Column(nullable = false, length = 78)
    public String onchainId;
    @Column(nullable = false, length = 64)
    public String dao;
    @Column(nullable = false, length = 16)
    public String type;
    @Column(nullable = false, length = 16)
    public String state;
    @Column(nullable = false, columnDefinition = "text")
    public String contentJson;
    @Column(nullable = false, length = 66)
    public String contentHash;
    @Column(nullable = false, length = 42)
    public String author;
    @Column(nullable = false, length = 132)
    public String authorSignature;
    /** The type's rules and the DAO's chains, frozen when proposed: later amendments do not apply. */
    @Column(nullable = false, columnDefinition = "text")
    public String rulesJson;
    public int constitutionVersion;
    @Column(nullable = false, columnDefinition = "text")
    public String chainsJson;
    @Column(nullable = false, precision = 78, scale = 0)
    public BigInteger sponsorPower = BigInteger.ZERO;
    public long voteStart;
    public long voteEnd;
    public long eta;
    @Column(columnDefinition = "text")
    public String tallyJson;
    /** Every state entered, with when: [{"state":…,"at":…}]. */
    @Column(nullable = false, columnDefinition = "text")
    public String historyJson = "[]";
    public long tallyVersion;
    @Column(nullable = false)
    public Instant createdAt;
    @Column(nullable = false)
    public Instant updatedAt;
}
