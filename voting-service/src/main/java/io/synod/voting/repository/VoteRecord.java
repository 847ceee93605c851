package io.synod.voting.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;

/**
 * Every vote received, by either path. {@code voteKey} identifies the physical vote (so redelivery is a
 * no-op); {@code countedKey} = proposal:chain:voter is unique while the vote counts, which is the
 * one-voter-once-per-chain rule: the first counted vote stands. A retraction clears it.
 */
@Entity
@Table(name = "vote", indexes = {
        @Index(name = "vote_proposal_idx", columnList = "proposalId, id")})
public class VoteRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, unique = true, length = 256)
    public String voteKey;
    @Column(unique = true, length = 160)
    public String countedKey;
    @Column(nullable = false, length = 36)
    public String proposalId;
    public long chainId;
    @Column(nullable = false, length = 42)
    public String voter;
    public Integer support;
    /** Approved choice indexes, comma separated (approval strategy). */
    @Column(length = 512)
    public String approved;
    @Column(nullable = false, precision = 78, scale = 0)
    public BigInteger weight;
    @Column(nullable = false, length = 16)
    public String source;
    @Column(nullable = false, length = 16)
    public String finality;
    @Column(length = 1024)
    public String reason;
    @Column(length = 132)
    public String signature;
    public Long nonce;
    public Long blockNumber;
    @Column(length = 66)
    public String blockHash;
    @Column(length = 66)
    public String txHash;
    public Long logIndex;
    @Column(nullable = false)
    public Instant receivedAt;
    public Instant retractedAt;
}
