package io.synod.bridge.watch;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A not-yet-final block: its hash and parent (to detect reorgs, as anvil and many nodes never send
 * {@code removed} logs) and the votes relayed provisionally from it (to retract or finalise them).
 */
@Entity
@Table(name = "seen_block", indexes = @Index(name = "seen_block_chain_number", columnList = "chainId,number", unique = true))
public class SeenBlock extends PanacheEntityBase {
    /** chainId:number */
    @Id
    @Column(length = 48)
    public String id;
    public long chainId;
    public long number;
    @Column(nullable = false, length = 66)
    public String hash;
    @Column(nullable = false, length = 66)
    public String parentHash;
    public long timestamp;
    /** The VoteEvents relayed from this block, as a JSON array (usually empty). */
    @Column(nullable = false, columnDefinition = "text")
    public String votesJson = "[]";
    /** The trace its votes were relayed in: relaying them again as final (or retracting them) continues it. */
    @Column(length = 55)
    public String traceparent;

    public static String id(long chainId, long number) {
        return chainId + ":" + number;
    }
}
