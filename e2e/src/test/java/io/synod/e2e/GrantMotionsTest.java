package io.synod.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.synod.testing.TestJwt;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/** A grant changes only by the committee's motions, and its envelope follows every change. */
class GrantMotionsTest {
    static final BigInteger TOKEN = BigInteger.TEN.pow(18);

    @Test
    void amendmentsClawbacksAndCancellationMoveTheEnvelopeAndNeedTheCommittee() {
        Grants g = new Grants(TOKEN.multiply(BigInteger.valueOf(1000)), TOKEN);
        String committee = g.committee(2, List.of(Grants.member("kai", null, List.of()), Grants.member("lou", null, List.of()),
                Grants.member("max", null, List.of())));
        Credentials grantee = Hub.account();
        JsonPath app = g.apply(committee, grantee, g.content(grantee, g.c.chainA, g.usd.getContractAddress(), List.of(
                new Object[] {"Design", TOKEN.multiply(BigInteger.valueOf(200)), 10},
                new Object[] {"Build", TOKEN.multiply(BigInteger.valueOf(300)), 40},
                new Object[] {"Launch", TOKEN.multiply(BigInteger.valueOf(100)), 70}), List.of()))
                .then().statusCode(201).extract().jsonPath();
        g.vote("/applications/" + app.getString("id") + "/votes", "kai", "approve").then().statusCode(200);
        String grantId = g.vote("/applications/" + app.getString("id") + "/votes", "lou", "approve").then().statusCode(200)
                .extract().jsonPath().getString("grantId");
        JsonPath grant = g.grant(grantId);
        assertEquals(committed(600), g.envelope(g.c.chainA).getString("committed"));
        String design = grant.getString("milestones[0].id");
        String build = grant.getString("milestones[1].id");
        String launch = grant.getString("milestones[2].id");

        // amend: Build grows to 500 and a Docs milestone is added; it applies once a second member approves
        JsonPath amend = move(grantId, "kai", Map.of("kind", "amend", "reason", "Scope grew", "milestones", List.of(
                milestone(design, "Design", 200, 10), milestone(build, "Build", 500, 40), milestone(launch, "Launch", 100, 70),
                milestone(null, "Docs", 50, 80)))).then().statusCode(200).extract().jsonPath();
        assertEquals("open", amend.getString("status"));
        assertEquals(List.of("kai"), amend.getList("votes.member"));
        move(grantId, "max", Map.of("kind", "cancel", "reason", "Second motion")).then().statusCode(409)
                .body("type", equalTo("https://synod.dev/problems/motion-open"));
        g.vote("/motions/" + amend.getString("id") + "/votes", "lou", "approve").then().statusCode(200)
                .body("status", equalTo("carried"));
        assertEquals(committed(850), g.envelope(g.c.chainA).getString("committed"));
        assertEquals(4, g.grant(grantId).getList("milestones").size());
        assertEquals(TOKEN.multiply(BigInteger.valueOf(850)).toString(), g.grant(grantId).getString("amount"));

        // an amendment the envelope cannot cover is refused when it would carry, and nothing changes
        JsonPath tooMuch = move(grantId, "max", Map.of("kind", "amend", "reason", "Gold plating", "milestones", List.of(
                milestone(design, "Design", 200, 10), milestone(build, "Build", 800, 40), milestone(launch, "Launch", 100, 70))))
                .then().statusCode(200).extract().jsonPath();
        g.vote("/motions/" + tooMuch.getString("id") + "/votes", "kai", "approve").then().statusCode(409)
                .body("type", equalTo("https://synod.dev/problems/over-budget"));
        g.vote("/motions/" + tooMuch.getString("id") + "/votes", "lou", "reject").then().statusCode(200);
        g.vote("/motions/" + tooMuch.getString("id") + "/votes", "kai", "reject").then().statusCode(200)
                .body("status", equalTo("rejected"));
        assertEquals(committed(850), g.envelope(g.c.chainA).getString("committed"));

        // claw back Launch; a clawback of something already gone is refused outright
        JsonPath clawback = move(grantId, "lou", Map.of("kind", "clawback", "reason", "Out of scope", "milestoneIds", List.of(launch)))
                .then().statusCode(200).extract().jsonPath();
        g.vote("/motions/" + clawback.getString("id") + "/votes", "max", "approve").then().statusCode(200)
                .body("status", equalTo("carried"));
        assertEquals(committed(750), g.envelope(g.c.chainA).getString("committed"));
        move(grantId, "lou", Map.of("kind", "clawback", "reason", "Again", "milestoneIds", List.of(launch))).then().statusCode(422);

        // cancel with a reason: every unpaid milestone is released; the grant is closed to evidence
        JsonPath cancel = move(grantId, "max", Map.of("kind", "cancel", "reason", "The team disbanded"))
                .then().statusCode(200).extract().jsonPath();
        g.vote("/motions/" + cancel.getString("id") + "/votes", "kai", "approve").then().statusCode(200)
                .body("status", equalTo("carried"));
        JsonPath canceled = g.grant(grantId);
        assertEquals("canceled", canceled.getString("status"));
        assertEquals("The team disbanded", canceled.getString("cancelReason"));
        assertEquals(committed(0), g.envelope(g.c.chainA).getString("committed"));
        assertEquals(TOKEN.multiply(BigInteger.valueOf(1000)).toString(), g.envelope(g.c.chainA).getString("available"));
        g.evidence(grantee, canceled, design).then().statusCode(409);
        // strangers cannot move, and every step is on the audit trail
        move(grantId, "nobody", Map.of("kind", "cancel", "reason", "x")).then().statusCode(403);
        given().auth().oauth2(Grants.ADMIN).queryParam("entity", "grant:" + grantId).get(g.api + "/audit").then().statusCode(200)
                .body("findAll { it.action == 'grant-amend-carried' }.size()", equalTo(1))
                .body("findAll { it.action == 'grant-clawback-carried' }.size()", equalTo(1))
                .body("findAll { it.action == 'grant-cancel-carried' }.size()", equalTo(1));
    }

    private Response move(String grantId, String member, Map<String, Object> body) {
        return given().auth().oauth2(TestJwt.token(member, "grants-committee")).contentType(ContentType.JSON).body(body)
                .post(Environment.INSTANCE.treasury + "/grants/" + grantId + "/motions");
    }

    private static Map<String, Object> milestone(String id, String title, long tokens, int days) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("amount", TOKEN.multiply(BigInteger.valueOf(tokens)).toString());
        m.put("due", LocalDate.now(ZoneOffset.UTC).plusDays(days).toString());
        return m;
    }

    private static String committed(long tokens) {
        return TOKEN.multiply(BigInteger.valueOf(tokens)).toString();
    }
}
