package io.synod.bridge.watch;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** One proposal on one participating chain: its window, and for which voteEnd the chain has closed. */
@Entity
@Table(name = "proposal_chain", indexes = @Index(name = "proposal_chain_due", columnList = "chainId,voteEnd"))
public class ProposalChain extends PanacheEntityBase {
    /** proposalId:chainId */
    @Id
    @Column(length = 64)
    public String id;
    @Column(nullable = false, length = 36)
    public String proposalId;
    @Column(nullable = false, length = 78)
    public String onchainId;
    public long chainId;
    @Column(nullable = false, length = 42)
    public String token;
    public long voteStart;
    public long voteEnd;
    public int choiceCount;
    public boolean approval;
    public boolean canceled;
    /** The voteEnd a ChainClosedEvent was published for; 0 while open. */
    public long closedFor;

    public static String id(String proposalId, long chainId) {
        return proposalId + ":" + chainId;
    }
}
