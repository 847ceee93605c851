package io.synod.treasury.repository;

import io.smallrye.mutiny.Uni;
import io.synod.outbox.SignerNonces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Per grantee address, the nonce its next treasury signature (application, evidence) must carry. */
@ApplicationScoped
public class GranteeNonces {
    private final SignerNonces nonces = new SignerNonces("grantee_nonce", "account");

    @Entity
    @Table(name = "grantee_nonce")
    public static class GranteeNonce {
        @Id
        @Column(length = 42)
        public String account;
        public long nextNonce;
    }

    public Uni<Long> next(String account) {
        return nonces.next(account);
    }

    public Uni<Boolean> consume(String account, long nonce) {
        return nonces.consume(account, nonce);
    }
}
