package io.synod.treasury.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.synod.treasury.JournalEntry;
import io.synod.treasury.repository.LedgerLineRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The double-entry ledger: balanced entries in, balances and postings out. Posts in the caller's transaction. */
@ApplicationScoped
public class Ledger {

    public Uni<String> post(JournalEntry e) {
        String entryId = UUID.randomUUID().toString();
        Instant at = Instant.now();
        return Multi.createFrom().iterable(e.lines()).onItem().transformToUniAndConcatenate(l -> {
            LedgerLineRecord r = new LedgerLineRecord();
            r.entryId = entryId;
            r.kind = e.kind();
            r.reference = e.reference();
            r.memo = e.memo();
            r.account = l.account();
            r.chainId = l.chainId();
            r.asset = l.asset();
            r.debit = l.debit();
            r.credit = l.credit();
            r.at = at;
            return r.persist();
        }).collect().last().replaceWith(entryId);
    }

    /** Debits minus credits of an account in one asset (an asset account's balance; negative for liabilities). */
    public Uni<BigInteger> balance(String account, long chainId, String asset) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select coalesce(sum(debit), 0) - coalesce(sum(credit), 0) from LedgerLineRecord"
                                + " where account = ?1 and chainId = ?2 and asset = ?3", BigInteger.class)
                .setParameter(1, account).setParameter(2, chainId).setParameter(3, asset).getSingleResult());
    }

    public record Posting(String entryId, Instant at, String kind, String reference, String memo, String account, long chainId,
                          String asset, String debit, String credit) {}

    /** Every line posted about {@code reference} (a payout, a milestone, a treasury), in order. */
    public Uni<List<Posting>> about(String reference) {
        return LedgerLineRecord.<LedgerLineRecord>list("reference = ?1 order by id", reference).map(rows -> rows.stream()
                .map(r -> new Posting(r.entryId, r.at, r.kind, r.reference, r.memo, r.account, r.chainId, r.asset,
                        r.debit.toString(), r.credit.toString())).toList());
    }
}
