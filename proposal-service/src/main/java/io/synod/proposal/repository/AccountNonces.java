package io.synod.proposal.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Per account, the nonce its next governance signature (propose, sponsor, cancel, veto) must carry. */
@ApplicationScoped
public class AccountNonces {

    @Entity
    @Table(name = "account_nonce")
    public static class AccountNonce {
        @Id
        @Column(length = 42)
        public String account;
        public long nextNonce;
    }

    public Uni<Long> next(String account) {
        return Panache.getSession().chain(s -> s.find(AccountNonce.class, account)).map(n -> n == null ? 0L : n.nextNonce);
    }

    /** Uses {@code nonce} if it is the account's next one, atomically. */
    public Uni<Boolean> consume(String account, long nonce) {
        String sql = nonce == 0
                ? "INSERT INTO account_nonce (account, next_nonce) VALUES (?1, 1) ON CONFLICT DO NOTHING"
                : "UPDATE account_nonce SET next_nonce = next_nonce + 1 WHERE account = ?1 AND next_nonce = ?2";
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql).setParameter(1, account);
            if (nonce != 0) {
                q.setParameter(2, nonce);
            }
            return q.executeUpdate();
        }).map(n -> n == 1);
    }
}
