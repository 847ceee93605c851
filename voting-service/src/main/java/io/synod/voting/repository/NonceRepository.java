package io.synod.voting.repository;

import io.smallrye.mutiny.Uni;
import io.synod.outbox.SignerNonces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Per voter and chain, the next nonce a signed ballot must carry. */
@ApplicationScoped
public class NonceRepository {
    private final SignerNonces nonces = new SignerNonces("voter_nonce", "id");

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
        return nonces.next(id(chainId, voter));
    }

    /** Uses {@code nonce} if it is the next one, atomically. @return false if it is stale or ahead */
    public Uni<Boolean> consume(long chainId, String voter, long nonce) {
        return nonces.consume(id(chainId, voter), nonce);
    }
}
