package io.synod.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.synod.testing.TestJwt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/** The committee's rules against the real services: budgets that cannot be overdrawn, conflicts, refusals. */
class GrantsCommitteeTest {
    static final BigInteger TOKEN = BigInteger.TEN.pow(18);
    static Grants g;

    @BeforeAll
    static void fundedDao() {
        g = new Grants(TOKEN.multiply(BigInteger.valueOf(1000)), TOKEN);
    }

    @Test
    void approvalsRacingForTheLastOfAnEnvelopeLetOneWinAndRefuseTheRestWith409() throws Exception {
        String committee = g.committee(1, List.of(Grants.member("rae", null, List.of()), Grants.member("sol", null, List.of())));
        // 1000 in the envelope; three applications of 600: only one can be covered
        List<String> apps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Credentials applicant = Hub.account();
            apps.add(g.apply(committee, applicant, g.content(applicant, g.c.chainA, g.usd.getContractAddress(),
                    List.<Object[]>of(new Object[] {"Everything", TOKEN.multiply(BigInteger.valueOf(600)), 10}), List.of()))
                    .then().statusCode(201).extract().jsonPath().getString("id"));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Response>> racing = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            String app = apps.get(i);
            String member = i % 2 == 0 ? "rae" : "sol";
            racing.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return g.vote("/applications/" + app + "/votes", member, "approve");
            }));
        }
        go.countDown();
        List<Integer> statuses = racing.stream().map(f -> f.join().statusCode()).sorted().toList();
        assertEquals(List.of(200, 409, 409), statuses);
        racing.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 409).forEach(r -> {
            assertEquals("https://synod.dev/problems/over-budget", r.jsonPath().getString("type"));
            assertEquals("application/problem+json", r.contentType());
        });
        JsonPath env = g.envelope(g.c.chainA);
        assertEquals(TOKEN.multiply(BigInteger.valueOf(600)).toString(), env.getString("committed"));
        assertEquals(TOKEN.multiply(BigInteger.valueOf(400)).toString(), env.getString("available"));
        // the refused approvals were not recorded: the losers are still open, with no approval on file
        long open = apps.stream().map(a -> given().get(g.api + "/applications/" + a).then().extract().jsonPath())
                .filter(a -> a.getString("status").equals("submitted") && a.getInt("decision.approvals") == 0).count();
        assertEquals(2, open);
    }

    @Test
    void aRecusedMembersApprovalDoesNotCountAndTheRequiredApprovalsAreRecomputed() {
        Credentials ula = Hub.account();
        // unanimity of three; uma declared an interest in acme labs, and ula's own address is hers
        String committee = g.committee(3, List.of(Grants.member("tia", null, List.of()),
                Grants.member("uma", null, List.of("org:Acme-Labs")), Grants.member("ula", ula.getAddress(), List.of())));
        Credentials applicant = Hub.account();
        JsonPath app = g.apply(committee, applicant, g.content(applicant, g.c.chainA, g.usd.getContractAddress(),
                List.<Object[]>of(new Object[] {"Docs", TOKEN.multiply(BigInteger.TEN), 10}), List.of("org:acme-labs ")))
                .then().statusCode(201).extract().jsonPath();
        String id = app.getString("id");
        assertEquals(List.of("uma"), app.getList("recused"));
        assertEquals(2, app.getInt("decision.required"));
        assertEquals(List.of("tia", "ula"), app.getList("decision.eligible"));

        g.vote("/applications/" + id + "/votes", "uma", "approve").then().statusCode(403)
                .body("type", equalTo("https://synod.dev/problems/recused"));
        g.review(id, "uma", 5, 5).then().statusCode(403).body("type", equalTo("https://synod.dev/problems/recused"));
        g.vote("/applications/" + id + "/votes", "tia", "approve").then().statusCode(200)
                .body("status", equalTo("submitted")).body("decision.approvals", equalTo(1));
        g.vote("/applications/" + id + "/votes", "tia", "approve").then().statusCode(409)
                .body("type", equalTo("https://synod.dev/problems/already-voted"));
        g.vote("/applications/" + id + "/votes", "ula", "approve").then().statusCode(200)
                .body("status", equalTo("approved")).body("decision.approvals", equalTo(2));

        // ula applies herself: she is recused by her own address; uma and tia must both approve
        JsonPath own = g.apply(committee, ula, g.content(ula, g.c.chainA, g.usd.getContractAddress(),
                List.<Object[]>of(new Object[] {"Own work", TOKEN, 10}), List.of())).then().statusCode(201).extract().jsonPath();
        assertEquals(List.of("ula"), own.getList("recused"));
        assertEquals(2, own.getInt("decision.required"));
        // a rejection by one of the two eligible makes approval impossible: rejected
        g.vote("/applications/" + own.getString("id") + "/votes", "tia", "reject").then().statusCode(200)
                .body("status", equalTo("rejected"));
    }

    @Test
    void unauthorisedForgedAndInvalidRequestsGetProblemDetails() {
        String committee = g.committee(1, List.of(Grants.member("vic", null, List.of())));
        Credentials applicant = Hub.account();
        Map<String, Object> content = g.content(applicant, g.c.chainA, g.usd.getContractAddress(),
                List.<Object[]>of(new Object[] {"Thing", TOKEN, 10}), List.of());

        given().contentType(ContentType.JSON).body(Map.of("name", "x", "category", "grants", "requiredApprovals", 1,
                        "members", List.of(Grants.member("a", null, List.of())), "rubric", List.of()))
                .post(g.api + "/daos/" + g.c.dao + "/committees").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestJwt.token("vic", "grants-committee")).contentType(ContentType.JSON)
                .body(Map.of("chainId", 1, "asset", "native", "vault", g.vaultA))
                .post(g.api + "/daos/" + g.c.dao + "/treasuries").then().statusCode(403);
        given().auth().oauth2(TestJwt.forgedToken("ops", "synod-admin")).get(g.api + "/audit?entity=grant:x")
                .then().statusCode(401);

        // signed by someone else, then the real signature replayed with a spent nonce
        String hash = given().contentType(ContentType.JSON).body(content)
                .post(g.api + "/committees/" + committee + "/applications/content-hash").then().extract().jsonPath()
                .getString("contentHash");
        Credentials mallory = Hub.account();
        given().contentType(ContentType.JSON).body(Map.of("content", content, "nonce", 0, "signature",
                        io.synod.testing.TreasurySigning.application(mallory, g.c.chainA, g.vaultA, committee, hash, 0)))
                .post(g.api + "/committees/" + committee + "/applications").then().statusCode(422)
                .body("type", equalTo("https://synod.dev/problems/invalid-signature"));
        String good = io.synod.testing.TreasurySigning.application(applicant, g.c.chainA, g.vaultA, committee, hash, 0);
        given().contentType(ContentType.JSON).body(Map.of("content", content, "nonce", 0, "signature", good))
                .post(g.api + "/committees/" + committee + "/applications").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("content", content, "nonce", 0, "signature", good))
                .post(g.api + "/committees/" + committee + "/applications").then().statusCode(409)
                .body("type", equalTo("https://synod.dev/problems/stale-nonce"));
        // a signature for the vault on another chain does not verify here
        given().contentType(ContentType.JSON).body(Map.of("content", content, "nonce", 1, "signature",
                        io.synod.testing.TreasurySigning.application(applicant, g.c.chainB, g.vaultB, committee, hash, 1)))
                .post(g.api + "/committees/" + committee + "/applications").then().statusCode(422);

        // milestones that do not add up; a period with no budget; garbage
        Map<String, Object> wrongSum = new java.util.HashMap<>(content);
        wrongSum.put("amount", TOKEN.multiply(BigInteger.TWO).toString());
        assertEquals(422, g.apply(committee, applicant, wrongSum).statusCode());
        Map<String, Object> noBudget = new java.util.HashMap<>(content);
        noBudget.put("period", "2031-Q1");
        g.apply(committee, applicant, noBudget).then().statusCode(422).body("type", equalTo("https://synod.dev/problems/no-envelope"));
        given().contentType(ContentType.JSON).body("{\"content\": 7}").post(g.api + "/committees/" + committee + "/applications")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("x".repeat(300_000)).post(g.api + "/committees/" + committee + "/applications")
                .then().statusCode(413);
        given().get(g.api + "/committees/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("type", equalTo("https://synod.dev/problems/committee-not-found"));
        // only members vote; a treasury for an asset that is not a token is refused
        g.vote("/applications/" + g.apply(committee, applicant, content).then().extract().path("id") + "/votes", "nobody", "approve")
                .then().statusCode(403).body("type", equalTo("https://synod.dev/problems/not-a-member"));
        // (the vault contract itself: an address on another chain may hold a token here, same deployer and nonce)
        g.register(g.c.chainA, g.vaultA, g.vaultA).then().statusCode(422);
    }
}
