package io.synod.voting.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Per voter and chain, the next nonce a signed ballot must carry. */
@ApplicationScoped
public class NonceRepository {

    @Entity
    @Table(name = "voter_nonce")
    public static class VoterNonce {
        @Id
        @Column(length = 64)
        public String id;
        public long nextNonce;
    }

    static String id(long chainId, String voter) {
        return chainId + ":" + voter;
    }

    public Uni<Long> next(long chainId, String voter) {
        return Panache.getSession().chain(s -> s.find(VoterNonce.class, id(chainId, voter)))
                .map(n -> n == null ? 0L : n.nextNonce);
    }

    /** Uses {@code nonce} if it is the next one, atomically. @return false if it is stale or ahead */
    public Uni<Boolean> consume(long chainId, String voter, long nonce) {
        String sql = nonce == 0
                ? "INSERT INTO voter_nonce (id, next_nonce) VALUES (?1, 1) ON CONFLICT DO NOTHING"
                : "UPDATE voter_nonce SET next_nonce = next_nonce + 1 WHERE id = ?1 AND next_nonce = ?2";
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql).setParameter(1, id(chainId, voter));
            if (nonce != 0) {
                q.setParameter(2, nonce);
            }
            return q.executeUpdate();
        }).map(n -> n == 1);
    }
}
