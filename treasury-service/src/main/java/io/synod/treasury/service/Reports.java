package io.synod.treasury.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.synod.treasury.repository.GrantRecord;
import io.synod.treasury.repository.MilestoneRecord;
import java.math.BigInteger;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Per-envelope and per-grant reports, as JSON or CSV (one row per grant, one per milestone). */
@ApplicationScoped
public class Reports {
    private final BudgetService budgets;
    private final GrantService grants;
    private final PayoutService payouts;
    private final AuditLog audit;

    public Reports(BudgetService budgets, GrantService grants, PayoutService payouts, AuditLog audit) {
        this.budgets = budgets;
        this.grants = grants;
        this.payouts = payouts;
        this.audit = audit;
    }

    /**
     * @param approvedUnpaid approved milestones whose payout is not final yet
     * @param unpaidOpen     milestones not yet approved (planned or with evidence before the committee)
     */
    public record GrantLine(String grantId, String grantee, String recipient, String status, String amount, String paid,
                            String approvedUnpaid, String unpaidOpen) {}

    public record EnvelopeReport(BudgetService.EnvelopeView envelope, List<BudgetService.FundingView> fundings,
                                 List<GrantLine> grants) {}

    public record GrantReport(GrantService.GrantView grant, List<PayoutService.PayoutView> payouts,
                              List<AuditLog.Entry> audit) {}

    public Uni<EnvelopeReport> envelope(String id) {
        return budgets.get(id).chain(env -> Panache.withSession(() -> budgets.fundingsOf(id).chain(fundings ->
                GrantRecord.<GrantRecord>list("envelopeId = ?1 order by createdAt", id).chain(gs -> (gs.isEmpty()
                        ? Uni.createFrom().item(List.<MilestoneRecord>of())
                        : MilestoneRecord.<MilestoneRecord>list("grantId in ?1", gs.stream().map(g -> g.id).toList()))
                        .map(ms -> new EnvelopeReport(env, fundings, gs.stream().map(g -> line(g, ms)).toList()))))));
    }

    public Uni<GrantReport> grant(String id) {
        return grants.get(id).chain(g -> Panache.withSession(() -> payouts.ofGrant(id)
                .chain(ps -> audit.of("grant:" + id).map(a -> new GrantReport(g, ps, a)))));
    }

    public static String csv(EnvelopeReport r) {
        StringBuilder out = new StringBuilder("grant_id,grantee,recipient,status,amount,paid,approved_unpaid,unpaid_open\n");
        r.grants().forEach(l -> row(out, l.grantId(), l.grantee(), l.recipient(), l.status(), l.amount(), l.paid(),
                l.approvedUnpaid(), l.unpaidOpen()));
        return out.toString();
    }

    public static String csv(GrantReport r) {
        Map<String, PayoutService.PayoutView> byMilestone = r.payouts().stream()
                .collect(Collectors.toMap(PayoutService.PayoutView::milestoneId, p -> p));
        StringBuilder out = new StringBuilder("milestone,title,amount,due,status,evidence_uri,payout_id,payout_status,tx_hash,block,paid_at\n");
        for (GrantService.MilestoneView m : r.grant().milestones()) {
            PayoutService.PayoutView p = byMilestone.get(m.id());
            row(out, String.valueOf(m.index() + 1), m.title(), m.amount(), String.valueOf(m.due()), m.status(), m.evidenceUri(),
                    p == null ? null : p.id(), p == null ? null : p.status(), p == null ? null : p.txHash(),
                    p == null || p.blockNumber() == 0 ? null : String.valueOf(p.blockNumber()),
                    p == null || p.paidAt() == null ? null : p.paidAt().toString());
        }
        return out.toString();
    }

    private static GrantLine line(GrantRecord g, List<MilestoneRecord> all) {
        List<MilestoneRecord> ms = all.stream().filter(m -> m.grantId.equals(g.id)).toList();
        return new GrantLine(g.id, g.grantee, g.recipient, g.status, g.amount.toString(),
                sum(ms, m -> MilestoneRecord.PAID.equals(m.status)), sum(ms, m -> MilestoneRecord.APPROVED.equals(m.status)),
                sum(ms, m -> MilestoneRecord.OPEN.contains(m.status)));
    }

    private static String sum(List<MilestoneRecord> ms, Predicate<MilestoneRecord> which) {
        return ms.stream().filter(which).map(m -> m.amount).reduce(BigInteger.ZERO, BigInteger::add).toString();
    }

    /** RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with an apostrophe. */
    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i] == null ? "" : cells[i];
            if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0) {
                c = "'" + c;
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            }
            out.append(i == 0 ? "" : ",").append(c);
        }
        out.append('\n');
    }
}
