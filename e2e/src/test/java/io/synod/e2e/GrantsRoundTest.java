package io.synod.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/**
 * A whole grants round through the real services and chains: a treasury proposal passes and funds this
 * quarter's envelopes on two chains, a committee reviews and approves applications, the grantee proves a
 * milestone, the committee approves it, and bridge-service pays it from the DAO's vault — a token on A,
 * the native coin on B — with every step traceable from the vote to the transaction.
 */
class GrantsRoundTest {
    static final BigInteger TOKEN = BigInteger.TEN.pow(18);

    @Test
    void aRoundFromBudgetProposalToPaidMilestonesOnTwoChains() throws Exception {
        Grants g = new Grants(TOKEN.multiply(BigInteger.valueOf(1000)), TOKEN.multiply(BigInteger.valueOf(5)));
        JsonPath envA = g.envelope(g.c.chainA);
        assertEquals(TOKEN.multiply(BigInteger.valueOf(1000)).toString(), envA.getString("allocated"));
        assertEquals(g.period, envA.getString("period"));
        given().get(g.api + "/daos/" + g.c.dao + "/fundings").then().statusCode(200)
                .body("proposalId", hasItem(g.budgetProposal)).body("status", everyItem(equalTo("applied")));

        String committee = g.committee(2, List.of(Grants.member("ana", null, List.of()),
                Grants.member("ben", null, List.of()), Grants.member("cy", null, List.of())));
        Credentials grantee = Hub.account();

        // a token grant on A in two milestones, and a native grant on B in one
        JsonPath appA = g.apply(committee, grantee, g.content(grantee, g.c.chainA, g.usd.getContractAddress(),
                List.of(new Object[] {"Prototype", TOKEN.multiply(BigInteger.valueOf(300)), 30},
                        new Object[] {"Release", TOKEN.multiply(BigInteger.valueOf(100)), 60}), List.of()))
                .then().statusCode(201).extract().jsonPath();
        assertEquals(2, appA.getInt("decision.required"));
        // ana: (3 × 5/5 + 1 × 4/5) / 4 = 95 %; ben: (3 × 4/5 + 1 × 5/5) / 4 = 85 %
        g.review(appA.getString("id"), "ana", 5, 4).then().statusCode(200).body("reviews.size()", equalTo(1));
        g.review(appA.getString("id"), "ben", 4, 5).then().statusCode(200).body("averageScoreBps", equalTo(9000));
        g.vote("/applications/" + appA.getString("id") + "/votes", "ana", "approve").then().statusCode(200)
                .body("status", equalTo("submitted"));
        JsonPath approvedA = g.vote("/applications/" + appA.getString("id") + "/votes", "ben", "approve")
                .then().statusCode(200).body("status", equalTo("approved")).extract().jsonPath();
        assertEquals(TOKEN.multiply(BigInteger.valueOf(400)).toString(), g.envelope(g.c.chainA).getString("committed"));

        JsonPath appB = g.apply(committee, grantee, g.content(grantee, g.c.chainB, "native",
                List.<Object[]>of(new Object[] {"Audit", TOKEN.multiply(BigInteger.TWO), 14}), List.of()))
                .then().statusCode(201).extract().jsonPath();
        g.vote("/applications/" + appB.getString("id") + "/votes", "cy", "approve").then().statusCode(200);
        JsonPath approvedB = g.vote("/applications/" + appB.getString("id") + "/votes", "ana", "approve")
                .then().statusCode(200).body("status", equalTo("approved")).extract().jsonPath();

        // the grantee proves the first milestone of each grant; two members approve; the bridge pays
        JsonPath grantA = g.grant(approvedA.getString("grantId"));
        JsonPath grantB = g.grant(approvedB.getString("grantId"));
        String m1 = grantA.getString("milestones[0].id");
        String mB = grantB.getString("milestones[0].id");
        g.evidence(grantee, grantA, m1).then().statusCode(200).body("milestones[0].status", equalTo("submitted"));
        g.evidence(grantee, grantB, mB).then().statusCode(200);
        g.vote("/milestones/" + m1 + "/votes", "ben", "approve").then().statusCode(200);
        String payoutA = g.vote("/milestones/" + m1 + "/votes", "cy", "approve").then().statusCode(200)
                .body("milestones[0].status", equalTo("approved")).extract().jsonPath().getString("milestones[0].payoutId");
        g.vote("/milestones/" + mB + "/votes", "ana", "approve").then().statusCode(200);
        String payoutB = g.vote("/milestones/" + mB + "/votes", "ben", "approve").then().statusCode(200)
                .extract().jsonPath().getString("milestones[0].payoutId");

        JsonPath paidA = g.awaitPaid(payoutA);
        JsonPath paidB = g.awaitPaid(payoutB);
        assertEquals(TOKEN.multiply(BigInteger.valueOf(300)), g.env.chainA.balanceOf(g.usd, grantee.getAddress()));
        assertEquals(TOKEN.multiply(BigInteger.TWO), g.env.chainB.nativeBalance(grantee.getAddress()));
        var receipt = g.env.chainA.web3j.ethGetTransactionReceipt(paidA.getString("txHash")).send().getTransactionReceipt()
                .orElseThrow();
        assertTrue(receipt.isStatusOK());
        assertEquals(receipt.getBlockNumber().longValueExact(), paidA.getLong("blockNumber"));
        assertTrue(g.env.chainA.vault(g.vaultA, io.synod.testing.TestChain.DEPLOYER)
                .paid(org.web3j.utils.Numeric.hexStringToByteArray(payoutA)).send());

        // traceable: the funding proposal, who approved the grant and the milestone, the ledger, the transaction
        assertEquals(List.of(g.budgetProposal), paidA.getList("trace.fundedBy"));
        assertEquals(List.of("ana", "ben"), paidA.getList("trace.applicationApprovals.member"));
        assertEquals(List.of("ben", "cy"), paidA.getList("trace.milestoneApprovals.member"));
        assertEquals(List.of("milestone-approved", "milestone-approved", "payout-paid", "payout-paid"),
                paidA.getList("trace.ledger.kind"));
        assertEquals("paid", paidB.getString("status"));

        // the envelope moved from committed to spent; the grant shows what is paid
        JsonPath after = g.envelope(g.c.chainA);
        assertEquals(TOKEN.multiply(BigInteger.valueOf(100)).toString(), after.getString("committed"));
        assertEquals(TOKEN.multiply(BigInteger.valueOf(300)).toString(), after.getString("spent"));
        assertEquals(TOKEN.multiply(BigInteger.valueOf(600)).toString(), after.getString("available"));
        assertEquals("completed", g.grant(grantB.getString("id")).getString("status"));
        assertEquals(TOKEN.multiply(BigInteger.valueOf(300)).toString(), g.grant(grantA.getString("id")).getString("paid"));

        // reports: one CSV row per milestone with the paying transaction; the envelope's grants as JSON
        String csv = given().queryParam("format", "csv").get(g.api + "/grants/" + grantA.getString("id") + "/report")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertTrue(csv.startsWith("milestone,title,amount,due,status"));
        assertTrue(csv.contains(paidA.getString("txHash")), csv);
        assertEquals(3, csv.strip().split("\n").length);
        given().get(g.api + "/envelopes/" + after.getString("id") + "/report").then().statusCode(200)
                .body("grants.size()", equalTo(1)).body("grants[0].paid", equalTo(TOKEN.multiply(BigInteger.valueOf(300)).toString()))
                .body("fundings[0].proposalId", equalTo(g.budgetProposal));

        // reconciliation: the vault held 2000 and paid 300; booking the deposit makes the ledger agree with the chain
        JsonPath rec = given().get(g.api + "/daos/" + g.c.dao + "/treasuries/" + g.c.chainA + "/" + g.usd.getContractAddress())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(TOKEN.multiply(BigInteger.valueOf(1700)).toString(), rec.getString("onchain"));
        given().auth().oauth2(Grants.ADMIN).post(g.api + "/daos/" + g.c.dao + "/treasuries/" + g.c.chainA + "/"
                        + g.usd.getContractAddress() + "/reconcile").then().statusCode(200)
                .body("difference", equalTo("0")).body("ledger", equalTo(TOKEN.multiply(BigInteger.valueOf(1700)).toString()));

        // operators count payouts by status from the database (other tests' payouts may be there too)
        Hub.await("payouts in the metrics", java.time.Duration.ofSeconds(10),
                () -> Metrics.scrape(g.env.platform.treasury.url()).value("synod_payouts", "status", "paid") >= 2);

        // the audit trail names who did what
        given().auth().oauth2(Grants.ADMIN).queryParam("entity", "grant:" + grantA.getString("id")).get(g.api + "/audit")
                .then().statusCode(200).body("action", hasItem("payout-paid")).body("actor", hasItem("cy"));
    }

    @Test
    void aPayoutTheVaultCannotCoverFailsAndIsPaidOnceWhenRetried() {
        Grants g = new Grants(TOKEN.multiply(BigInteger.valueOf(100)), TOKEN);
        String committee = g.committee(1, List.of(Grants.member("dee", null, List.of())));
        Credentials grantee = Hub.account();
        JsonPath app = g.apply(committee, grantee, g.content(grantee, g.c.chainA, g.usd.getContractAddress(),
                List.<Object[]>of(new Object[] {"All of it", TOKEN.multiply(BigInteger.valueOf(50)), 7}), List.of()))
                .then().statusCode(201).extract().jsonPath();
        String grantId = g.vote("/applications/" + app.getString("id") + "/votes", "dee", "approve").then().statusCode(200)
                .extract().jsonPath().getString("grantId");
        JsonPath grant = g.grant(grantId);
        String milestone = grant.getString("milestones[0].id");
        g.evidence(grantee, grant, milestone).then().statusCode(200);
        // the DAO's multisig empties the vault (say, to migrate it) before the payout goes out
        var vault = g.env.chainA.vault(g.vaultA, io.synod.testing.TestChain.DEPLOYER);
        try {
            vault.withdraw(g.usd.getContractAddress(), io.synod.testing.TestChain.DEPLOYER.getAddress(),
                    TOKEN.multiply(BigInteger.valueOf(200))).send();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String payout = g.vote("/milestones/" + milestone + "/votes", "dee", "approve").then().statusCode(200)
                .extract().jsonPath().getString("milestones[0].payoutId");
        Hub.await("payout failed", java.time.Duration.ofSeconds(60), () -> "failed".equals(g.payout(payout).getString("status")));
        assertTrue(g.payout(payout).getString("error").length() > 0);
        given().auth().oauth2(io.synod.testing.TestJwt.token("stranger", "grants-committee"))
                .post(g.api + "/payouts/" + payout + "/retry").then().statusCode(403);

        g.env.chainA.mint(g.usd, g.vaultA, TOKEN.multiply(BigInteger.valueOf(50)));
        given().auth().oauth2(io.synod.testing.TestJwt.token("dee", "grants-committee"))
                .post(g.api + "/payouts/" + payout + "/retry").then().statusCode(200)
                .body("attempt", equalTo(2)).body("status", equalTo("requested"));
        g.awaitPaid(payout);
        assertEquals(TOKEN.multiply(BigInteger.valueOf(50)), g.env.chainA.balanceOf(g.usd, grantee.getAddress()));
        given().auth().oauth2(Grants.ADMIN).post(g.api + "/payouts/" + payout + "/retry").then().statusCode(409)
                .body("type", equalTo("https://synod.dev/problems/payout-not-failed"));
        assertEquals("completed", g.grant(grantId).getString("status"));
    }

    @Test
    void aSubDaosBudgetIsDrawnFromItsParentsEnvelopeAndNeverBeyondIt() {
        Grants g = new Grants(TOKEN.multiply(BigInteger.valueOf(1000)), TOKEN);
        String sub = g.subDao();
        String usd = g.usd.getContractAddress();
        String first = g.pass(sub, List.of(g.allocation(g.c.chainA, usd, TOKEN.multiply(BigInteger.valueOf(300)))));
        Hub.await("the sub-DAO's envelope funded", java.time.Duration.ofSeconds(30), () -> g.envelopes(sub).size() == 1);
        JsonPath parent = g.envelope(g.c.chainA);
        assertEquals(TOKEN.multiply(BigInteger.valueOf(300)).toString(), parent.getString("delegated"));
        assertEquals(TOKEN.multiply(BigInteger.valueOf(700)).toString(), parent.getString("available"));
        assertEquals(parent.getString("id"), g.envelopes(sub).getFirst().get("parentId"));

        // more than the parent has free: the proposal passed, but the parent's budget rules; the refusal is on record
        String second = g.pass(sub, List.of(g.allocation(g.c.chainA, usd, TOKEN.multiply(BigInteger.valueOf(800)))));
        Hub.await("the second allocation settled", java.time.Duration.ofSeconds(30), () -> given()
                .get(g.api + "/daos/" + sub + "/fundings").then().extract().jsonPath().getList("proposalId").contains(second));
        JsonPath fundings = given().get(g.api + "/daos/" + sub + "/fundings").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(first, second), fundings.getList("proposalId"));
        assertEquals(List.of("applied", "refused"), fundings.getList("status"));
        assertTrue(fundings.getString("[1].reason").contains("free"));
        assertEquals(TOKEN.multiply(BigInteger.valueOf(300)).toString(), g.envelopes(sub).getFirst().get("allocated"));
        assertEquals(TOKEN.multiply(BigInteger.valueOf(700)).toString(), g.envelope(g.c.chainA).getString("available"));
    }
}
