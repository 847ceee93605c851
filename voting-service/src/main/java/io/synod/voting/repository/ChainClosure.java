package io.synod.voting.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A chain's final block passed a proposal's voteEnd: every vote on that chain is in. Kept apart from the
 * proposal row, since it may arrive before this service has seen the proposal (another topic).
 */
@Entity
@Table(name = "chain_closure", indexes = @Index(name = "chain_closure_proposal", columnList = "proposalId"))
public class ChainClosure extends PanacheEntityBase {
    /** proposalId:chainId */
    @Id
    @Column(length = 64)
    public String id;
    @Column(nullable = false, length = 36)
    public String proposalId;
    public long chainId;
    /** The newest final block's timestamp seen for it: the chain is closed for any voteEnd below it. */
    public long finalizedTimestamp;
    public long finalizedBlock;
}
