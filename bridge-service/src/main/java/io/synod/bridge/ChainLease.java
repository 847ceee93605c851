package io.synod.bridge;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The replica that follows a chain, until when (see {@link ChainLeases}; written with SQL, mapped for the schema). */
@Entity
@Table(name = "chain_lease")
public class ChainLease extends PanacheEntityBase {
    @Id
    public long chainId;
    @Column(nullable = false, length = 128)
    public String holder;
    @Column(nullable = false)
    public OffsetDateTime expiresAt;
}
