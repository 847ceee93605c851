package io.synod.treasury.rest;

import io.smallrye.mutiny.Uni;
import io.synod.treasury.service.BudgetService;
import io.synod.treasury.service.Requests;
import io.synod.treasury.service.TreasuryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A DAO's treasuries (vault per chain and asset), their reconciliation, envelopes and fundings. */
// every resource is rooted at "/": JAX-RS picks one class by its own path before looking at methods
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TreasuryResource {
    private final TreasuryService treasuries;
    private final BudgetService budgets;

    public TreasuryResource(TreasuryService treasuries, BudgetService budgets) {
        this.treasuries = treasuries;
        this.budgets = budgets;
    }

    @POST
    @Path("daos/{dao}/treasuries")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register the DAO's vault for an asset on a chain (admin); decimals and symbol are read on chain")
    public Uni<Response> register(@PathParam("dao") String dao, @Valid @NotNull Requests.RegisterTreasury req,
                                  SecurityContext security) {
        return treasuries.register(dao, req.chainId(), req.asset(), req.vault(), Roles.actor(security))
                .map(t -> Response.created(URI.create("/daos/" + dao + "/treasuries/" + t.chainId() + "/" + t.asset()))
                        .entity(t).build());
    }

    @GET
    @Path("daos/{dao}/treasuries")
    public Uni<List<TreasuryService.TreasuryView>> treasuries(@PathParam("dao") String dao) {
        return treasuries.list(dao);
    }

    @GET
    @Path("daos/{dao}/treasuries/{chainId}/{asset}")
    @Operation(summary = "The vault's balance on chain next to the ledger's")
    public Uni<TreasuryService.Reconciliation> reconciliation(@PathParam("dao") String dao, @PathParam("chainId") long chainId,
                                                              @PathParam("asset") String asset) {
        return treasuries.reconciliation(dao, chainId, asset);
    }

    @POST
    @Path("daos/{dao}/treasuries/{chainId}/{asset}/reconcile")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Book the difference between the vault on chain and the ledger (admin)")
    public Uni<TreasuryService.Reconciliation> reconcile(@PathParam("dao") String dao, @PathParam("chainId") long chainId,
                                                         @PathParam("asset") String asset, SecurityContext security) {
        return treasuries.reconcile(dao, chainId, asset, Roles.actor(security));
    }

    @GET
    @Path("daos/{dao}/envelopes")
    public Uni<List<BudgetService.EnvelopeView>> envelopes(@PathParam("dao") String dao, @QueryParam("period") String period) {
        return budgets.list(dao, period);
    }

    @GET
    @Path("daos/{dao}/fundings")
    @Operation(summary = "Every allocation of the DAO's executed treasury proposals: applied or refused, and why")
    public Uni<List<BudgetService.FundingView>> fundings(@PathParam("dao") String dao) {
        return budgets.fundings(dao);
    }
}
