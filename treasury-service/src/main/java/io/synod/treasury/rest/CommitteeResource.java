package io.synod.treasury.rest;

import io.smallrye.mutiny.Uni;
import io.synod.treasury.service.ApplicationService;
import io.synod.treasury.service.CommitteeService;
import io.synod.treasury.service.GrantService;
import io.synod.treasury.service.Requests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Grants committees, and the applications submitted to them. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommitteeResource {
    private final CommitteeService committees;
    private final ApplicationService applications;
    private final GrantService grants;

    public CommitteeResource(CommitteeService committees, ApplicationService applications, GrantService grants) {
        this.committees = committees;
        this.applications = applications;
        this.grants = grants;
    }

    @POST
    @Path("daos/{dao}/committees")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a grants committee: members, their declared interests, M-of-N policy, rubric (admin)")
    public Uni<Response> create(@PathParam("dao") String dao, @Valid @NotNull Requests.CreateCommittee req, SecurityContext security) {
        return committees.create(dao, req, Roles.actor(security))
                .map(c -> Response.created(URI.create("/committees/" + c.id())).entity(c).build());
    }

    @GET
    @Path("committees/{id}")
    public Uni<CommitteeService.CommitteeView> get(@PathParam("id") String id) {
        return committees.get(id);
    }

    @PUT
    @Path("committees/{id}/members")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the members and the policy (admin); open questions keep their own")
    public Uni<CommitteeService.CommitteeView> members(@PathParam("id") String id, @Valid @NotNull Requests.ReplaceMembers req,
                                                       SecurityContext security) {
        return committees.replaceMembers(id, req, Roles.actor(security));
    }

    @POST
    @Path("committees/{id}/applications/content-hash")
    @Operation(summary = "The content hash an applicant signs, with the canonical JSON it is computed from")
    public Map<String, String> contentHash(@PathParam("id") String id, @Valid @NotNull Requests.ApplicationContent content) {
        return applications.contentHash(content);
    }

    @POST
    @Path("committees/{id}/applications")
    @Operation(summary = "Apply for a grant (anyone): the applicant's EIP-712 GrantApplication signature")
    public Uni<Response> apply(@PathParam("id") String id, @Valid @NotNull Requests.SubmitApplication req) {
        return applications.submit(id, req).map(a -> Response.created(URI.create("/applications/" + a.id())).entity(a).build());
    }

    @GET
    @Path("committees/{id}/applications")
    public Uni<List<ApplicationService.ApplicationView>> applications(@PathParam("id") String id,
                                                                      @QueryParam("status") String status) {
        return applications.list(id, status);
    }

    @GET
    @Path("committees/{id}/grants")
    public Uni<List<GrantService.GrantView>> grants(@PathParam("id") String id) {
        return grants.list(id);
    }

    @GET
    @Path("applications/{id}")
    public Uni<ApplicationService.ApplicationView> application(@PathParam("id") String id) {
        return applications.get(id);
    }

    @POST
    @Path("applications/{id}/reviews")
    @RolesAllowed(Roles.COMMITTEE)
    @Operation(summary = "Score an application against the committee's rubric (member without a conflict)")
    public Uni<ApplicationService.ApplicationView> review(@PathParam("id") String id, @Valid @NotNull Requests.Review req,
                                                          SecurityContext security) {
        return applications.review(id, Roles.actor(security), req);
    }

    @POST
    @Path("applications/{id}/votes")
    @RolesAllowed(Roles.COMMITTEE)
    @Operation(summary = "Approve or reject (member without a conflict); the carrying approval awards the grant")
    public Uni<ApplicationService.ApplicationView> vote(@PathParam("id") String id, @Valid @NotNull Requests.Vote req,
                                                        SecurityContext security) {
        return applications.vote(id, Roles.actor(security), req);
    }
}
