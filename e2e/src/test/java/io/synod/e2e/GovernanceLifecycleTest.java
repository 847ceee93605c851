package io.synod.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.synod.testing.GovernanceSigning;
import io.synod.testing.TestJwt;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/** Admin authorisation, sub-DAOs, drafts, cancel, the guardian's veto and amending the constitution. */
class GovernanceLifecycleTest {
    final Environment env = Environment.INSTANCE;
    final Hub hub = env.hub;

    Map<String, Object> daoBody(String slug, String parent) {
        Map<String, Object> r = Community.defaultRules();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("slug", slug, "name", slug, "chains", env.daoChains(),
                "constitution", Map.of("policy", r, "technical", r, "treasury", r, "constitutional", r)));
        if (parent != null) {
            body.put("parent", parent);
        }
        return body;
    }

    @Test
    void onlyAnAdminTokenCreatesDaosAndBadDaosAreRefused() {
        String slug = "adm-" + System.nanoTime();
        String url = hub.proposals + "/daos";
        given().contentType(ContentType.JSON).body(daoBody(slug, null)).post(url).then().statusCode(401)
                .body("type", equalTo("https://synod.dev/problems/unauthorized"));
        given().auth().oauth2(TestJwt.forgedToken("mallory", "synod-admin")).contentType(ContentType.JSON)
                .body(daoBody(slug, null)).post(url).then().statusCode(401);
        given().auth().oauth2(TestJwt.token("member", "member")).contentType(ContentType.JSON)
                .body(daoBody(slug, null)).post(url).then().statusCode(403)
                .body("type", equalTo("https://synod.dev/problems/forbidden"));

        String admin = TestJwt.token("ops", "synod-admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(daoBody(slug, null)).post(url).then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(daoBody(slug, null)).post(url).then().statusCode(409)
                .body("type", equalTo("https://synod.dev/problems/dao-exists"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(daoBody(slug + "-sub", "no-such-parent"))
                .post(url).then().statusCode(422).body("type", equalTo("https://synod.dev/problems/unknown-parent"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(daoBody(slug + "-sub", slug)).post(url).then().statusCode(201);
        given().get(url + "/" + slug).then().statusCode(200).body("subDaos", hasItem(slug + "-sub"))
                .body("constitution.version", equalTo(1));

        Map<String, Object> noConstitutional = daoBody(slug + "-bad", null);
        noConstitutional.put("constitution", Map.of("policy", Community.defaultRules()));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(noConstitutional).post(url).then().statusCode(422)
                .body("type", equalTo("https://synod.dev/problems/invalid-constitution"));
        Map<String, Object> badRules = daoBody(slug + "-bad2", null);
        badRules.put("constitution", Map.of("policy", Map.of("quorumBps", 20_000)));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(badRules).post(url).then().statusCode(400)
                .body("type", equalTo("https://synod.dev/problems/validation"));
    }

    @Test
    void theAuthorCancelsBeforeVotingAndNobodyElseCan() {
        Community c = new Community(Hub.rules(5000, 60, 60, 4000, 5000, "for-against-abstain"));
        JsonPath p = c.pendingProposal("To be withdrawn");
        BigInteger onchain = new BigInteger(p.getString("onchainId"));
        String id = p.getString("id");
        Credentials mallory = Hub.account();
        given().contentType(ContentType.JSON).body(action(mallory, onchain, "cancel", 0)).post(hub.proposals + "/proposals/" + id + "/cancel")
                .then().statusCode(403).body("type", equalTo("https://synod.dev/problems/not-permitted"));
        // a veto signature does not work as a cancel
        long nonce = hub.accountNonce(c.alice);
        given().contentType(ContentType.JSON).body(Map.of("actor", c.alice.getAddress(), "chainId", c.chainA, "nonce", nonce,
                        "signature", GovernanceSigning.action(c.alice, c.chainA, env.spokeA, onchain, "veto", nonce)))
                .post(hub.proposals + "/proposals/" + id + "/cancel").then().statusCode(422);
        given().contentType(ContentType.JSON).body(action(c.alice, onchain, "cancel", hub.accountNonce(c.alice)))
                .post(hub.proposals + "/proposals/" + id + "/cancel").then().statusCode(200).body("state", equalTo("canceled"));
        given().contentType(ContentType.JSON).body(action(c.alice, onchain, "cancel", hub.accountNonce(c.alice)))
                .post(hub.proposals + "/proposals/" + id + "/cancel").then().statusCode(409)
                .body("type", equalTo("https://synod.dev/problems/invalid-state"));
        Hub.await("voting-service learns of the cancel", Duration.ofSeconds(10),
                () -> "canceled".equals(given().get(hub.voting + "/proposals/" + id).then().extract().jsonPath().getString("tallyStatus")));
    }

    @Test
    void aPassedConstitutionalProposalAmendsTheConstitutionAndTheGuardianCanVeto() {
        Community c = new Community(Community.defaultRules());
        String admin = TestJwt.token("ops", "synod-admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("guardian", c.carol.getAddress()))
                .put(hub.proposals + "/daos/" + c.dao + "/guardian").then().statusCode(200);

        Map<String, Object> stricter = Hub.rules(5000, 2, 6, 6000, 6667, "for-against-abstain");
        Map<String, Object> amended = Map.of("policy", Hub.rules(6000, 2, 6, 3000, 5000, "for-against-abstain"),
                "technical", Community.defaultRules(), "treasury", Community.defaultRules(), "constitutional", stricter);
        // constitutional rules of this community: 60 % quorum, two-thirds approval
        JsonPath p = hub.propose(c.dao, Map.of("title", "Raise the sponsorship bar", "body", "Spam.", "type", "constitutional",
                "constitution", amended), c.alice, c.chainA, env.spokeA);
        hub.sponsor(p, c.alice, c.chainA, env.spokeA);
        p = hub.sponsor(p, c.bob, c.chainB, env.spokeB);
        c.awaitActive(p);
        hub.vote(p, c.alice, c.chainA, env.spokeA, 1);
        hub.vote(p, c.bob, c.chainB, env.spokeB, 1);
        c.awaitDecided(p);
        String id = p.getString("id");
        Hub.await("queued", Duration.ofSeconds(10), () -> "queued".equals(hub.proposal(id).getString("state")));
        long eta = hub.proposal(id).getLong("eta");
        Hub.await("timelock passed", Duration.ofSeconds(10), () -> java.time.Instant.now().getEpochSecond() >= eta);
        given().post(hub.proposals + "/proposals/" + id + "/execute").then().log().ifValidationFails()
                .statusCode(200).body("state", equalTo("executed"));
        given().get(hub.proposals + "/daos/" + c.dao).then().statusCode(200)
                .body("constitution.version", equalTo(2))
                .body("constitution.adoptedBy", equalTo(id))
                .body("constitution.rules.policy.sponsorshipThreshold", equalTo("6000"));
        given().get(hub.proposals + "/daos/" + c.dao + "/constitution/1").then().statusCode(200)
                .body("rules.policy.sponsorshipThreshold", equalTo("5000"));

        // the next proposal is governed by version 2; the guardian vetoes it once queued
        JsonPath q = hub.propose(c.dao, Map.of("title", "Something rash", "body", "…", "type", "policy"), c.alice, c.chainA, env.spokeA);
        assertEquals(2, q.getInt("constitutionVersion"));
        hub.sponsor(q, c.alice, c.chainA, env.spokeA);
        q = hub.sponsor(q, c.bob, c.chainB, env.spokeB);
        c.awaitActive(q);
        hub.vote(q, c.alice, c.chainA, env.spokeA, 1);
        c.awaitDecided(q);
        String qid = q.getString("id");
        Hub.await("queued", Duration.ofSeconds(10), () -> "queued".equals(hub.proposal(qid).getString("state")));
        BigInteger onchain = new BigInteger(q.getString("onchainId"));
        given().contentType(ContentType.JSON).body(action(c.alice, onchain, "veto", hub.accountNonce(c.alice)))
                .post(hub.proposals + "/proposals/" + qid + "/veto").then().statusCode(403);
        given().contentType(ContentType.JSON).body(action(c.carol, onchain, "veto", hub.accountNonce(c.carol)))
                .post(hub.proposals + "/proposals/" + qid + "/veto").then().statusCode(200).body("state", equalTo("vetoed"));
        assertEquals(List.of("draft", "sponsoring", "pending", "active", "succeeded", "queued", "vetoed"),
                Community.states(hub.proposal(qid)));
    }

    Map<String, Object> action(Credentials actor, BigInteger onchainId, String action, long nonce) {
        return Map.of("actor", actor.getAddress(), "chainId", env.chainA.chainId, "nonce", nonce,
                "signature", GovernanceSigning.action(actor, env.chainA.chainId, env.spokeA, onchainId, action, nonce));
    }
}
