package io.synod.voting.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.synod.voting.CountedVote;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class VoteRepository implements PanacheRepositoryBase<VoteRecord, Long> {

    private static final String COLUMNS = "vote_key, counted_key, proposal_id, chain_id, voter, support, approved, weight,"
            + " source, finality, reason, signature, nonce, block_number, block_hash, tx_hash, log_index, received_at";

    /**
     * Inserts unless the same physical vote is known, or the voter already has a counted vote for this
     * proposal on this chain. @return the new row's id, or null if nothing was inserted
     */
    public Uni<Long> insertIfNew(VoteRecord v) {
        String sql = "INSERT INTO vote (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                + " ?14, ?15, ?16, ?17, ?18) ON CONFLICT DO NOTHING RETURNING id";
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql, Long.class);
            List<Object> values = values(v);
            for (int i = 0; i < values.size(); i++) {
                q.setParameter(i + 1, values.get(i) instanceof java.time.OffsetDateTime t ? t.toInstant() : values.get(i));
            }
            return q.getSingleResultOrNull();
        });
    }

    // ---- relayed votes: batches on the SQL client (see RelayedVoteService) ------------------------------

    private static final String INSERT_RELAYED = "INSERT INTO vote (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6,"
            + " $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) ON CONFLICT DO NOTHING RETURNING vote_key";

    /**
     * {@link #insertIfNew} for many votes, in list order (of two rows for one counted key, the first wins), as
     * one pipelined batch in the caller's transaction. @return the vote keys actually inserted
     */
    public Uni<Set<String>> insertAll(SqlConnection tx, List<VoteRecord> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return tx.preparedQuery(INSERT_RELAYED).executeBatch(rows.stream().map(v -> Tuple.from(values(v))).toList())
                .map(result -> {
                    Set<String> inserted = new HashSet<>();
                    for (RowSet<Row> rs = result; rs != null; rs = rs.next()) {
                        rs.forEach(r -> inserted.add(r.getString(0)));
                    }
                    return inserted;
                });
    }

    /** Votes now final (a no-op for unknown keys or rows already final). */
    /** @return how many of them are counted votes (not retracted, not a voter's second vote) */
    public Uni<Integer> markFinal(SqlConnection tx, Collection<String> voteKeys) {
        return voteKeys.isEmpty() ? Uni.createFrom().item(0)
                : tx.preparedQuery("UPDATE vote SET finality = 'final' WHERE vote_key = ANY($1) AND finality <> 'final'"
                                + " RETURNING counted_key IS NOT NULL AS counted")
                        .execute(Tuple.of(voteKeys.toArray(String[]::new)))
                        .map(rows -> {
                            int n = 0;
                            for (var row : rows) {
                                n += row.getBoolean("counted") ? 1 : 0;
                            }
                            return n;
                        });
    }

    /** Undo a vote whose block a reorg removed. @return rows changed (0 if unknown or already undone) */
    public Uni<Integer> retract(SqlConnection tx, String voteKey) {
        return tx.preparedQuery("UPDATE vote SET counted_key = NULL, retracted_at = $2 WHERE vote_key = $1"
                        + " AND counted_key IS NOT NULL")
                .execute(Tuple.of(voteKey, OffsetDateTime.now(ZoneOffset.UTC))).map(RowSet::rowCount);
    }

    /** A chain's closing for a proposal: the newest one stands. */
    public Uni<Void> closed(SqlConnection tx, String proposalId, long chainId, long finalizedTimestamp, long finalizedBlock) {
        return tx.preparedQuery("INSERT INTO chain_closure (id, proposal_id, chain_id, finalized_timestamp, finalized_block)"
                        + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET finalized_timestamp ="
                        + " EXCLUDED.finalized_timestamp, finalized_block = EXCLUDED.finalized_block"
                        + " WHERE chain_closure.finalized_timestamp < EXCLUDED.finalized_timestamp")
                .execute(Tuple.of(proposalId + ":" + chainId, proposalId, chainId, finalizedTimestamp, finalizedBlock))
                .replaceWithVoid();
    }

    private static List<Object> values(VoteRecord v) {
        return Arrays.asList(v.voteKey, v.countedKey, v.proposalId, v.chainId, v.voter, v.support, v.approved,
                new BigDecimal(v.weight), v.source, v.finality, v.reason, v.signature, v.nonce, v.blockNumber,
                v.blockHash, v.txHash, v.logIndex, v.receivedAt.atOffset(ZoneOffset.UTC));
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
