package io.synod.treasury.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.synod.rest.ProblemException;
import io.synod.signatures.Addresses;
import io.synod.signatures.SignerRecovery;
import io.synod.treasury.repository.GranteeNonces;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Grantees act by signature: the digest must recover to them, and each signature spends their next nonce. */
@ApplicationScoped
public class GranteeSignatures {
    private final GranteeNonces nonces;

    public GranteeSignatures(GranteeNonces nonces) {
        this.nonces = nonces;
    }

    public void requireSigner(byte[] digest, String signature, String expected, String what) {
        String signer;
        try {
            signer = SignerRecovery.recover(digest, signature);
        } catch (SignerRecovery.InvalidSignatureException e) {
            throw new ProblemException(422, "invalid-signature", "Invalid signature", e.getMessage());
        }
        if (!signer.equals(expected)) {
            throw new ProblemException(422, "invalid-signature", "Invalid signature",
                    "the signature is not " + expected + "'s " + what + " for this treasury, chain and nonce");
        }
    }

    /** In the caller's transaction: 409 unless {@code nonce} is the grantee's next one. */
    public Uni<Void> spendNonce(String grantee, long nonce) {
        return nonces.consume(grantee, nonce).chain(ok -> ok ? Uni.createFrom().voidItem()
                : nonces.next(grantee).map(next -> {
                    throw new ProblemException(409, "stale-nonce", "Stale nonce",
                            "the next nonce of " + grantee + " is " + next, Map.of("expectedNonce", next));
                }));
    }

    public Uni<Long> next(String grantee) {
        return Panache.withSession(() -> nonces.next(Addresses.normalize(grantee)));
    }
}
