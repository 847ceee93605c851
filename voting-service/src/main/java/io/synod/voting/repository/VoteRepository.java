package io.synod.voting.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.synod.voting.CountedVote;
import java.util.List;

@ApplicationScoped
public class VoteRepository implements PanacheRepositoryBase<VoteRecord, Long> {

    /**
     * Inserts unless the same physical vote is known, or the voter already has a counted vote for this
     * proposal on this chain. @return the new row's id, or null if nothing was inserted
     */
    public Uni<Long> insertIfNew(VoteRecord v) {
        String sql = "INSERT INTO vote (vote_key, counted_key, proposal_id, chain_id, voter, support, approved, weight, source,"
                + " finality, reason, signature, nonce, block_number, block_hash, tx_hash, log_index, received_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"
                + " ON CONFLICT DO NOTHING RETURNING id";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Long.class)
                .setParameter(1, v.voteKey).setParameter(2, v.countedKey).setParameter(3, v.proposalId)
                .setParameter(4, v.chainId).setParameter(5, v.voter).setParameter(6, v.support)
                .setParameter(7, v.approved).setParameter(8, new java.math.BigDecimal(v.weight))
                .setParameter(9, v.source).setParameter(10, v.finality).setParameter(11, v.reason)
                .setParameter(12, v.signature).setParameter(13, v.nonce).setParameter(14, v.blockNumber)
                .setParameter(15, v.blockHash).setParameter(16, v.txHash).setParameter(17, v.logIndex)
                .setParameter(18, v.receivedAt)
                .getSingleResultOrNull());
    }

    public Uni<Integer> markFinal(String voteKey) {
        return update("finality = 'final' where voteKey = ?1 and finality <> 'final'", voteKey);
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
