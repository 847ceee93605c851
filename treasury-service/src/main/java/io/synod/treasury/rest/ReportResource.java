package io.synod.treasury.rest;

import io.smallrye.mutiny.Uni;
import io.synod.treasury.service.AuditLog;
import io.synod.treasury.service.BudgetService;
import io.synod.treasury.service.GranteeSignatures;
import io.synod.treasury.service.Reports;
import io.synod.rest.ProblemException;
import io.synod.signatures.Addresses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Envelopes and grants reported as JSON or CSV; the audit trail; grantees' nonces. */
@Path("/")
public class ReportResource {
    private static final String CSV = "text/csv";
    private final BudgetService budgets;
    private final Reports reports;
    private final AuditLog audit;
    private final GranteeSignatures signatures;

    public ReportResource(BudgetService budgets, Reports reports, AuditLog audit, GranteeSignatures signatures) {
        this.budgets = budgets;
        this.reports = reports;
        this.audit = audit;
        this.signatures = signatures;
    }

    @GET
    @Path("envelopes/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<BudgetService.EnvelopeView> envelope(@PathParam("id") String id) {
        return budgets.get(id);
    }

    @GET
    @Path("envelopes/{id}/report")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "The envelope's fundings and grants (JSON), or one row per grant (Accept: text/csv or ?format=csv)")
    public Uni<Response> envelopeReport(@PathParam("id") String id, @QueryParam("format") String format,
                                        @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        return reports.envelope(id).map(r -> csv(format, accept)
                ? Response.ok(Reports.csv(r), CSV).header("Content-Disposition", "attachment; filename=envelope-" + id + ".csv").build()
                : Response.ok(r, MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("grants/{id}/report")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "The grant, its payouts and audit trail (JSON), or one row per milestone (CSV)")
    public Uni<Response> grantReport(@PathParam("id") String id, @QueryParam("format") String format,
                                     @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        return reports.grant(id).map(r -> csv(format, accept)
                ? Response.ok(Reports.csv(r), CSV).header("Content-Disposition", "attachment; filename=grant-" + id + ".csv").build()
                : Response.ok(r, MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("audit")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMITTEE})
    @Operation(summary = "Who did what to an entity, e.g. ?entity=grant:<id> (admins and committee members)")
    public Uni<List<AuditLog.Entry>> audit(@QueryParam("entity") String entity) {
        if (entity == null || !entity.matches("^[a-z]+:[A-Za-z0-9:._-]{1,160}$")) {
            throw ProblemException.badRequest("bad-entity", "entity must look like grant:<id>");
        }
        return audit.history(entity);
    }

    @GET
    @Path("grantees/{address}/nonce")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Long>> nonce(@PathParam("address") String address) {
        if (!Addresses.isAddress(address)) {
            throw ProblemException.badRequest("bad-address", "address must be a 0x-prefixed 20-byte hex address");
        }
        return signatures.next(address).map(n -> Map.of("nonce", n));
    }

    private static boolean csv(String format, String accept) {
        if (format != null) {
            if (!format.equals("csv") && !format.equals("json")) {
                throw ProblemException.badRequest("bad-format", "format is csv or json");
            }
            return format.equals("csv");
        }
        return accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
    }
}
