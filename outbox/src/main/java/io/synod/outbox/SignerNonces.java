package io.synod.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Per-signer nonces for EIP-712 signatures (a signature carries the signer's next nonce, so it can be
 * used once). Each service keeps its own table {@code (key, next_nonce)}, mapped by an entity of its own;
 * this reads and spends them in the caller's session and transaction.
 */
public final class SignerNonces {
    private final String next;
    private final String first;
    private final String spend;

    /** @param table the table; @param keyColumn its primary key column (the signer, perhaps with a chain) */
    public SignerNonces(String table, String keyColumn) {
        this.next = "SELECT next_nonce FROM " + table + " WHERE " + keyColumn + " = ?1";
        this.first = "INSERT INTO " + table + " (" + keyColumn + ", next_nonce) VALUES (?1, 1) ON CONFLICT DO NOTHING";
        this.spend = "UPDATE " + table + " SET next_nonce = next_nonce + 1 WHERE " + keyColumn + " = ?1 AND next_nonce = ?2";
    }

    public Uni<Long> next(String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery(next, Long.class).setParameter(1, key).getResultList())
                .map(rows -> rows.isEmpty() ? 0L : rows.getFirst());
    }

    /** Uses {@code nonce} if it is the signer's next one, atomically. @return false if it is stale or ahead */
    public Uni<Boolean> consume(String key, long nonce) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(nonce == 0 ? first : spend).setParameter(1, key);
            if (nonce != 0) {
                q.setParameter(2, nonce);
            }
            return q.executeUpdate();
        }).map(n -> n == 1);
    }
}
