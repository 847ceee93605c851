package io.synod.voting.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.synod.voting.CountedVote;
import java.util.List;

@ApplicationScoped
public class VoteRepository implements PanacheRepositoryBase<VoteRecord, Long> {

    private static final String INSERT = "INSERT INTO vote (vote_key, counted_key, proposal_id, chain_id, voter, support,"
            + " approved, weight, source, finality, reason, signature, nonce, block_number, block_hash, tx_hash, log_index,"
            + " received_at) VALUES ";
    private static final int COLUMNS = 18;
    /** Rows per statement: 18 parameters each, far under PostgreSQL's 65,535. */
    private static final int ROWS_PER_INSERT = 500;

    /**
     * Inserts unless the same physical vote is known, or the voter already has a counted vote for this
     * proposal on this chain. @return the new row's id, or null if nothing was inserted
     */
    public Uni<Long> insertIfNew(VoteRecord v) {
        return Panache.getSession().chain(s -> bind(s.createNativeQuery(INSERT + values(1) + " ON CONFLICT DO NOTHING RETURNING id",
                Long.class), List.of(v)).getSingleResultOrNull());
    }

    /**
     * {@link #insertIfNew} for many votes, in list order (of two rows for one counted key, the first wins).
     * @return the vote keys actually inserted
     */
    public Uni<java.util.Set<String>> insertAll(List<VoteRecord> rows) {
        List<Uni<List<String>>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i += ROWS_PER_INSERT) {
            List<VoteRecord> chunk = rows.subList(i, Math.min(rows.size(), i + ROWS_PER_INSERT));
            chunks.add(Panache.getSession().chain(s -> bind(s.createNativeQuery(INSERT + values(chunk.size())
                    + " ON CONFLICT DO NOTHING RETURNING vote_key", String.class), chunk).getResultList()));
        }
        // one session runs one statement at a time: chunks go in order
        return io.smallrye.mutiny.Multi.createFrom().iterable(chunks).onItem().transformToUniAndConcatenate(u -> u)
                .collect().in(() -> (java.util.Set<String>) new java.util.HashSet<String>(), java.util.Set::addAll);
    }

    private static String values(int rows) {
        StringBuilder sql = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 1; c <= COLUMNS; c++) {
                sql.append(c == 1 ? "?" : ", ?").append(r * COLUMNS + c);
            }
            sql.append(')');
        }
        return sql.toString();
    }

    private static <Q extends org.hibernate.reactive.mutiny.Mutiny.SelectionQuery<?>> Q bind(Q q, List<VoteRecord> rows) {
        for (int r = 0; r < rows.size(); r++) {
            VoteRecord v = rows.get(r);
            int p = r * COLUMNS;
            q.setParameter(p + 1, v.voteKey).setParameter(p + 2, v.countedKey).setParameter(p + 3, v.proposalId)
                    .setParameter(p + 4, v.chainId).setParameter(p + 5, v.voter).setParameter(p + 6, v.support)
                    .setParameter(p + 7, v.approved).setParameter(p + 8, new java.math.BigDecimal(v.weight))
                    .setParameter(p + 9, v.source).setParameter(p + 10, v.finality).setParameter(p + 11, v.reason)
                    .setParameter(p + 12, v.signature).setParameter(p + 13, v.nonce).setParameter(p + 14, v.blockNumber)
                    .setParameter(p + 15, v.blockHash).setParameter(p + 16, v.txHash).setParameter(p + 17, v.logIndex)
                    .setParameter(p + 18, v.receivedAt);
        }
        return q;
    }

    /** Votes now final (a no-op for unknown keys or rows already final). */
    public Uni<Integer> markFinal(java.util.Collection<String> voteKeys) {
        return voteKeys.isEmpty() ? Uni.createFrom().item(0)
                : update("finality = 'final' where voteKey in ?1 and finality <> 'final'", voteKeys);
    }

    /** Undo a vote whose block a reorg removed. @return rows changed (0 if unknown or already undone) */
    public Uni<Integer> retract(String voteKey) {
        return update("countedKey = null, retractedAt = ?2 where voteKey = ?1 and countedKey is not null",
                voteKey, java.time.Instant.now());
    }

    /** The votes that count, as the tally needs them: a projection, no entities to manage. */
    public Uni<List<CountedVote>> counted(String proposalId) {
        String hql = "select v.voter, v.chainId, v.support, v.approved, v.weight from VoteRecord v"
                + " where v.proposalId = :p and v.countedKey is not null";
        return Panache.getSession().chain(s -> s.createSelectionQuery(hql, Object[].class).setParameter("p", proposalId)
                .getResultList()).map(rows -> rows.stream().map(r -> new CountedVote((String) r[0], (Long) r[1],
                (Integer) r[2], approved((String) r[3]), (java.math.BigInteger) r[4])).toList());
    }

    /**
     * Counted weight per chain and choice, summed by PostgreSQL: a handful of rows however many votes
     * (each row stands for many voters, so its voter is null). Not for quadratic counting, which is per person.
     */
    public Uni<List<CountedVote>> countedByChoice(String proposalId) {
        String hql = "select v.chainId, v.support, v.approved, sum(v.weight) from VoteRecord v"
                + " where v.proposalId = :p and v.countedKey is not null group by v.chainId, v.support, v.approved";
        return Panache.getSession().chain(s -> s.createSelectionQuery(hql, Object[].class).setParameter("p", proposalId)
                .getResultList()).map(rows -> rows.stream().map(r -> new CountedVote(null, (Long) r[0], (Integer) r[1],
                approved((String) r[2]), new java.math.BigDecimal(r[3].toString()).toBigIntegerExact())).toList());
    }

    public Uni<Long> countedVoters(String proposalId) {
        String hql = "select count(distinct v.voter) from VoteRecord v where v.proposalId = :p and v.countedKey is not null";
        return Panache.getSession().chain(s -> s.createSelectionQuery(hql, Long.class).setParameter("p", proposalId)
                .getSingleResult());
    }

    public static List<Integer> approved(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : java.util.Arrays.stream(csv.split(",")).map(Integer::valueOf).toList();
    }

    public Uni<List<VoteRecord>> page(String proposalId, int page, int size) {
        return find("proposalId = ?1 order by id", proposalId).page(page, size).list();
    }

    public Uni<Long> countFor(String proposalId) {
        return count("proposalId", proposalId);
    }
}
