package io.synod.treasury.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A DAO's holding of one asset on one chain, in its vault there. */
@Entity
@Table(name = "treasury")
public class TreasuryRecord extends PanacheEntityBase {
    /** dao:chainId:asset */
    @Id
    @Column(length = 160)
    public String id;
    @Column(nullable = false, length = 64)
    public String dao;
    public long chainId;
    /** native or the token address */
    @Column(nullable = false, length = 42)
    public String asset;
    @Column(nullable = false, length = 42)
    public String vault;
    public int decimals;
    @Column(length = 32)
    public String symbol;
    @Column(nullable = false, length = 200)
    public String registeredBy;
    @Column(nullable = false)
    public Instant registeredAt;

    public static String id(String dao, long chainId, String asset) {
        return dao + ":" + chainId + ":" + asset;
    }
}
