package io.synod.bridge.watch;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * How far one chain has been followed. Advanced in the same transaction as the outbox records of the
 * votes it covers, so a restart resumes exactly where the last commit ended: nothing missed, nothing twice.
 */
@Entity
@Table(name = "chain_cursor")
public class ChainCursor extends PanacheEntityBase {
    @Id
    public long chainId;
    /** Every block up to here is scanned (provisionally above {@link #finalBlock}). */
    public long lastBlock;
    /** Every vote up to here is relayed as final. */
    public long finalBlock;
    public long headNumber;
    @Column(length = 66)
    public String headHash;
    public long headTimestamp;
    public long safeNumber;
    @Column(length = 66)
    public String safeHash;
    public long safeTimestamp;
    public long finalNumber;
    @Column(length = 66)
    public String finalHash;
    public long finalTimestamp;
    public Instant updatedAt;
}
