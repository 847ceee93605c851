package io.synod.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.synod.testing.TestJwt;
import io.synod.testing.TreasurySigning;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Credentials;

/**
 * A community with money: vaults of its own on A (its token) and B (the native coin), registered as its
 * treasuries, and a passed and executed treasury proposal that funds this quarter's grants envelopes. The
 * methods are what a grants committee's UI and a grantee's wallet do against treasury-service.
 */
final class Grants {
    static final String ADMIN = TestJwt.token("treasurer@synod", "synod-admin");
    final Environment env = Environment.INSTANCE;
    final Community c;
    final String api = env.treasury;
    /** The asset grants are paid in on A: a token of its own (not the governance token, whose supply is the quorum's base). */
    final io.synod.contracts.SynodToken usd;
    final String vaultA;
    final String vaultB;
    final String period;
    final String budgetProposal;

    /** @param budgetA grant dollars on A; @param budgetB native coin on B (wei); the vaults hold twice that */
    Grants(BigInteger budgetA, BigInteger budgetB) {
        c = new Community(Community.defaultRules());
        usd = env.chainA.deployToken("Grant Dollar");
        vaultA = env.takeVault(c.chainA);
        vaultB = env.takeVault(c.chainB);
        env.chainA.mint(usd, vaultA, budgetA.multiply(BigInteger.TWO));
        env.chainB.rpc("anvil_setBalance", List.of(vaultB, "0x" + budgetB.multiply(BigInteger.TWO).toString(16)));
        register(c.chainA, usd.getContractAddress(), vaultA).then().statusCode(201);
        register(c.chainB, "native", vaultB).then().statusCode(201);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        period = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        budgetProposal = pass(c.dao, List.of(
                Map.of("chainId", c.chainA, "asset", usd.getContractAddress(), "category", "grants",
                        "amount", budgetA.toString(), "period", period),
                Map.of("chainId", c.chainB, "asset", "native", "category", "grants", "amount", budgetB.toString(),
                        "period", period)));
        Hub.await("envelopes funded", Duration.ofSeconds(30), () -> envelopes().size() == 2);
    }

    Response register(long chainId, String asset, String vault) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("chainId", chainId, "asset", asset, "vault", vault))
                .post(api + "/daos/" + c.dao + "/treasuries");
    }

    /** A treasury proposal of {@code dao} through the hub: proposed, sponsored, voted, queued, executed. @return its id */
    String pass(String dao, List<Map<String, Object>> allocations) {
        JsonPath p = c.hub.propose(dao, Map.of("title", "Grants budget " + period, "body", "Fund the grants round.",
                "type", "treasury", "allocations", allocations), c.alice, c.chainA, env.spokeA);
        c.hub.sponsor(p, c.alice, c.chainA, env.spokeA);
        p = c.hub.sponsor(p, c.bob, c.chainB, env.spokeB);
        c.awaitActive(p);
        c.hub.vote(p, c.alice, c.chainA, env.spokeA, 1);
        c.hub.vote(p, c.bob, c.chainB, env.spokeB, 1);
        c.awaitDecided(p);
        String id = p.getString("id");
        Hub.await("queued", Duration.ofSeconds(15), () -> "queued".equals(c.hub.proposal(id).getString("state")));
        long eta = c.hub.proposal(id).getLong("eta");
        Hub.await("timelock passed", Duration.ofSeconds(10), () -> Instant.now().getEpochSecond() >= eta);
        given().post(c.hub.proposals + "/proposals/" + id + "/execute").then().statusCode(200);
        return id;
    }

    List<Map<String, Object>> envelopes() {
        return envelopes(c.dao);
    }

    List<Map<String, Object>> envelopes(String dao) {
        return given().get(api + "/daos/" + dao + "/envelopes").then().statusCode(200).extract().jsonPath().getList("");
    }

    /** A sub-DAO of this community's DAO, governed by the same members and tokens. @return its slug */
    String subDao() {
        String slug = c.dao + "-sub";
        Map<String, Object> rules = Community.defaultRules();
        given().auth().oauth2(TestJwt.token("ops@synod", "synod-admin")).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Sub " + slug, "parent", c.dao, "chains", List.of(
                                Map.of("chainId", c.chainA, "token", c.tokenA.getContractAddress(), "spoke", env.spokeA),
                                Map.of("chainId", c.chainB, "token", c.tokenB.getContractAddress(), "spoke", env.spokeB)),
                        "constitution", Map.of("policy", rules, "technical", rules, "treasury", rules, "constitutional", rules)))
                .post(c.hub.proposals + "/daos").then().statusCode(201);
        return slug;
    }

    Map<String, Object> allocation(long chainId, String asset, BigInteger amount) {
        return Map.of("chainId", chainId, "asset", asset, "category", "grants", "amount", amount.toString(), "period", period);
    }

    JsonPath envelope(long chainId) {
        Map<String, Object> e = envelopes().stream().filter(m -> ((Number) m.get("chainId")).longValue() == chainId)
                .findFirst().orElseThrow();
        return given().get(api + "/envelopes/" + e.get("id")).then().statusCode(200).extract().jsonPath();
    }

    /** A member spec: subject, own address (may be null), declared interests. */
    static Map<String, Object> member(String subject, String address, List<String> interests) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("subject", subject);
        m.put("address", address);
        m.put("interests", interests);
        return m;
    }

    /** @return the committee's id */
    String committee(int required, List<Map<String, Object>> members) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("name", "Grants " + c.dao,
                        "category", "grants", "requiredApprovals", required, "members", members,
                        "rubric", List.of(Map.of("id", "impact", "label", "Impact", "weight", 3, "max", 5),
                                Map.of("id", "feasibility", "label", "Feasibility", "weight", 1, "max", 5))))
                .post(api + "/daos/" + c.dao + "/committees").then().statusCode(201).extract().jsonPath().getString("id");
    }

    /** An application's content: milestones as {title, amount, days from today}. */
    Map<String, Object> content(Credentials applicant, long chainId, String asset, List<Object[]> milestones,
                                List<String> affiliations) {
        List<Map<String, Object>> ms = new ArrayList<>();
        BigInteger total = BigInteger.ZERO;
        for (Object[] m : milestones) {
            ms.add(Map.of("title", m[0], "amount", m[1].toString(), "due",
                    LocalDate.now(ZoneOffset.UTC).plusDays((Integer) m[2]).toString()));
            total = total.add((BigInteger) m[1]);
        }
        return Map.of("title", "Build the indexer", "summary", "An open-source indexer for Synod's spokes.",
                "applicant", applicant.getAddress(), "recipient", applicant.getAddress(), "chainId", chainId, "asset", asset,
                "period", period, "amount", total.toString(), "milestones", ms, "affiliations", affiliations);
    }

    long nonce(Credentials grantee) {
        return given().get(api + "/grantees/" + grantee.getAddress() + "/nonce").then().statusCode(200).extract()
                .jsonPath().getLong("nonce");
    }

    String vault(long chainId) {
        return chainId == c.chainA ? vaultA : vaultB;
    }

    /** Signs and submits. */
    Response apply(String committee, Credentials applicant, Map<String, Object> content) {
        long chainId = ((Number) content.get("chainId")).longValue();
        String hash = given().contentType(ContentType.JSON).body(content)
                .post(api + "/committees/" + committee + "/applications/content-hash").then().statusCode(200)
                .extract().jsonPath().getString("contentHash");
        long nonce = nonce(applicant);
        return given().contentType(ContentType.JSON).body(Map.of("content", content, "nonce", nonce, "signature",
                        TreasurySigning.application(applicant, chainId, vault(chainId), committee, hash, nonce)))
                .post(api + "/committees/" + committee + "/applications");
    }

    Response vote(String path, String member, String decision) {
        return given().auth().oauth2(TestJwt.token(member, "grants-committee")).contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "comment", decision + " by " + member)).post(api + path);
    }

    Response review(String application, String member, int impact, int feasibility) {
        return given().auth().oauth2(TestJwt.token(member, "grants-committee")).contentType(ContentType.JSON)
                .body(Map.of("scores", Map.of("impact", impact, "feasibility", feasibility), "comment", "solid"))
                .post(api + "/applications/" + application + "/reviews");
    }

    Response evidence(Credentials grantee, JsonPath grant, String milestoneId) {
        long chainId = grant.getLong("chainId");
        String evidenceHash = org.web3j.crypto.Hash.sha3String("evidence of " + milestoneId);
        long nonce = nonce(grantee);
        return given().contentType(ContentType.JSON).body(Map.of("uri", "https://example.org/reports/" + milestoneId,
                        "evidenceHash", evidenceHash, "nonce", nonce, "signature",
                        TreasurySigning.evidence(grantee, chainId, grant.getString("vault"), milestoneId, evidenceHash, nonce)))
                .post(api + "/milestones/" + milestoneId + "/evidence");
    }

    JsonPath grant(String id) {
        return given().get(api + "/grants/" + id).then().statusCode(200).extract().jsonPath();
    }

    JsonPath payout(String id) {
        return given().get(api + "/payouts/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the payout is paid (final on chain) and returns it. */
    JsonPath awaitPaid(String payoutId) {
        Hub.await("payout " + payoutId + " paid", Duration.ofSeconds(60),
                () -> "paid".equals(payout(payoutId).getString("status")));
        return payout(payoutId);
    }
}
