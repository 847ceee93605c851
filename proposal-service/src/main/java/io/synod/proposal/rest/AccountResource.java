package io.synod.proposal.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.synod.proposal.repository.AccountNonces;
import io.synod.rest.ProblemException;
import io.synod.signatures.Addresses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

@Path("/accounts/{address}/nonce")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
    private final AccountNonces nonces;

    public AccountResource(AccountNonces nonces) {
        this.nonces = nonces;
    }

    /** The nonce the account's next Propose, Sponsor or GovernanceAction signature must carry. */
    @GET
    @WithSession
    public Uni<Map<String, Object>> nonce(@PathParam("address") String address) {
        if (!Addresses.isAddress(address)) {
            throw ProblemException.badRequest("bad-address", "address must be a 0x-prefixed 20-byte hex address");
        }
        String a = Addresses.normalize(address);
        return nonces.next(a).map(n -> Map.of("account", a, "nonce", n));
    }
}
