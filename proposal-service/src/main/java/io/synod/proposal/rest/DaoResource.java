package io.synod.proposal.rest;

import io.smallrye.mutiny.Uni;
import io.synod.proposal.ProposalContent;
import io.synod.proposal.service.DaoService;
import io.synod.proposal.service.ProposalService;
import io.synod.proposal.service.ProposalView;
import io.synod.proposal.service.Requests;
import io.synod.rest.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/daos")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DaoResource {
    /** The role an admin's bearer JWT must carry (groups claim). */
    public static final String ADMIN = "synod-admin";
    private final DaoService daos;
    private final ProposalService proposals;

    public DaoResource(DaoService daos, ProposalService proposals) {
        this.daos = daos;
        this.proposals = proposals;
    }

    @POST
    @RolesAllowed(ADMIN)
    @Operation(summary = "Create a DAO or sub-DAO with its chains and genesis constitution (admin)")
    public Uni<Response> create(@Valid @NotNull Requests.CreateDao req, SecurityContext security) {
        return daos.create(req, security.getUserPrincipal().getName())
                .map(d -> Response.created(URI.create("/daos/" + d.slug())).entity(d).build());
    }

    @GET
    @Path("/{slug}")
    public Uni<DaoService.DaoView> get(@PathParam("slug") String slug) {
        return daos.get(slug);
    }

    @PUT
    @Path("/{slug}/guardian")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Set or clear the guardian who may veto queued proposals (admin)")
    public Uni<DaoService.DaoView> guardian(@PathParam("slug") String slug, @Valid @NotNull Requests.SetGuardian req) {
        return daos.setGuardian(slug, req.guardian());
    }

    @GET
    @Path("/{slug}/constitution/{version}")
    public Uni<DaoService.ConstitutionView> constitution(@PathParam("slug") String slug, @PathParam("version") int version) {
        return daos.constitution(slug, version);
    }

    @POST
    @Path("/{slug}/proposals")
    @Operation(summary = "Propose (anyone): the author's EIP-712 Propose signature over the content hash")
    public Uni<Response> propose(@PathParam("slug") String slug, @Valid @NotNull Requests.CreateProposal req) {
        return proposals.create(slug, req)
                .map(p -> Response.created(URI.create("/proposals/" + p.id())).entity(p).build());
    }

    @POST
    @Path("/{slug}/proposals/content-hash")
    @Operation(summary = "The content hash an author signs, with the canonical JSON it is computed from")
    public Map<String, String> contentHash(@PathParam("slug") String slug, @Valid @NotNull ProposalContent content) {
        return proposals.contentHash(content);
    }

    @GET
    @Path("/{slug}/proposals")
    public Uni<ProposalView.Page> list(@PathParam("slug") String slug, @QueryParam("state") String state,
                                       @QueryParam("page") @DefaultValue("0") int page,
                                       @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw ProblemException.badRequest("bad-page", "page ≥ 0 and 1 ≤ size ≤ 200");
        }
        return proposals.list(slug, state, page, size);
    }
}
