package io.synod.proposal.repository;

import io.smallrye.mutiny.Uni;
import io.synod.outbox.SignerNonces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Per account, the nonce its next governance signature (propose, sponsor, cancel, veto) must carry. */
@ApplicationScoped
public class AccountNonces {
    private final SignerNonces nonces = new SignerNonces("account_nonce", "account");

    @Entity
    @Table(name = "account_nonce")
    public static class AccountNonce {
        @Id
        @Column(length = 42)
        public String account;
        public long nextNonce;
    }

    public Uni<Long> next(String account) {
        return nonces.next(account);
    }

    /** Uses {@code nonce} if it is the account's next one, atomically. */
    public Uni<Boolean> consume(String account, long nonce) {
        return nonces.consume(account, nonce);
    }
}
