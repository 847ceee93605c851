package io.synod.voting.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** voting-service's view of a proposal (fed by governance.proposals) and its current tally snapshot. */
@Entity
@Table(name = "proposal")
public class ProposalRecord extends PanacheEntityBase {
    public static final String OPEN = "open";
    public static final String FINAL = "final";
    public static final String CANCELED = "canceled";

    @Id
    @Column(length = 36)
    public String id;
    @Column(nullable = false, length = 78)
    public String onchainId;
    @Column(nullable = false, length = 64)
    public String dao;
    @Column(nullable = false, length = 32)
    public String state;
    public long voteStart;
    /** May move later than proposal-service said: a late quorum extends it. */
    public long voteEnd;
    @Column(nullable = false, columnDefinition = "text")
    public String chainsJson;
    @Column(nullable = false, columnDefinition = "text")
    public String rulesJson;
    /** open → final (deadline or super-quorum) | canceled. */
    @Column(nullable = false, length = 16)
    public String tallyStatus = OPEN;
    @Column(length = 32)
    public String closedReason;
    /** Sum over the chains of the supply at voteStart; null until every chain's clock passed voteStart. */
    @Column(precision = 78, scale = 0)
    public java.math.BigInteger totalSupply;
    public boolean quorumReached;
    public long tallyVersion;
    @Column(columnDefinition = "text")
    public String tallyJson;
    public Instant updatedAt;
}
