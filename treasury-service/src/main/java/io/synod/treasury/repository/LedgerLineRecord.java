package io.synod.treasury.repository;

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

/** One line of a double-entry posting; the lines of an entry share its id and balance per asset. */
@Entity
@Table(name = "ledger_line", indexes = {
        @Index(name = "ledger_entry_idx", columnList = "entryId"),
        @Index(name = "ledger_account_idx", columnList = "account, chainId, asset"),
        @Index(name = "ledger_reference_idx", columnList = "reference")})
public class LedgerLineRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, length = 36)
    public String entryId;
    @Column(nullable = false, length = 32)
    public String kind;
    @Column(nullable = false, length = 80)
    public String reference;
    @Column(length = 500)
    public String memo;
    @Column(nullable = false, length = 120)
    public String account;
    public long chainId;
    @Column(nullable = false, length = 42)
    public String asset;
    @Column(nullable = false, precision = 78, scale = 0)
    public BigInteger debit;
    @Column(nullable = false, precision = 78, scale = 0)
    public BigInteger credit;
    @Column(nullable = false)
    public Instant at;
}
