package io.synod.proposal.service;

import io.smallrye.mutiny.Uni;
import io.synod.proposal.repository.AccountNonces;
import io.synod.rest.ProblemException;
import io.synod.signatures.SignerRecovery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Checks that a digest was signed by the account that claims it, and spends the account's nonce. */
@ApplicationScoped
public class Signatures {
    private final AccountNonces nonces;

    public Signatures(AccountNonces nonces) {
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
                    "the signature is not " + expected + "'s " + what + " for this DAO, chain and nonce");
        }
    }

    /** In the caller's transaction. */
    public Uni<Void> spendNonce(String account, long nonce) {
        return nonces.consume(account, nonce).chain(ok -> ok ? Uni.createFrom().voidItem()
                : nonces.next(account).map(next -> {
                    throw new ProblemException(409, "stale-nonce", "Stale nonce",
                            "the next nonce of " + account + " is " + next, Map.of("expectedNonce", next));
                }));
    }
}
