package io.synod.e2e;

import static io.restassured.RestAssured.given;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.synod.testing.TestChain;
import io.synod.testing.TestJwt;
import io.synod.testing.GovernanceSigning;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.web3j.crypto.Credentials;

/** What a community's client does against the hub: sign and send, as a wallet-backed UI would. */
final class Hub {
    final String proposals;
    final String voting;

    Hub(String proposals, String voting) {
        this.proposals = proposals;
        this.voting = voting;
    }

    static Map<String, Object> rules(long threshold, long delay, long period, int quorumBps, int approvalBps, String strategy) {
        Map<String, Object> r = new HashMap<>();
        r.put("sponsorshipThreshold", String.valueOf(threshold));
        r.put("votingDelay", delay);
        r.put("votingPeriod", period);
        r.put("quorumBps", quorumBps);
        r.put("approvalBps", approvalBps);
        r.put("lateQuorumExtension", 0);
        r.put("timelock", 1);
        r.put("gracePeriod", 3600);
        r.put("countingStrategy", strategy);
        return r;
    }

    JsonPath createDao(String slug, List<Map<String, Object>> chains, Map<String, Object> constitution) {
        return given().auth().oauth2(TestJwt.token("ops@synod", "synod-admin")).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "DAO " + slug, "chains", chains, "constitution", constitution))
                .post(proposals + "/daos").then().statusCode(201).extract().jsonPath();
    }

    long accountNonce(Credentials who) {
        return given().get(proposals + "/accounts/" + who.getAddress() + "/nonce").then().statusCode(200)
                .extract().jsonPath().getLong("nonce");
    }

    /** Proposes, signing Propose over the content hash. @return the proposal */
    JsonPath propose(String dao, Map<String, Object> content, Credentials author, long chainId, String spoke) {
        String hash = given().contentType(ContentType.JSON).body(content)
                .post(proposals + "/daos/" + dao + "/proposals/content-hash").then().statusCode(200)
                .extract().jsonPath().getString("contentHash");
        long nonce = accountNonce(author);
        String sig = GovernanceSigning.propose(author, chainId, spoke, dao, hash, nonce);
        return given().contentType(ContentType.JSON).body(Map.of("content", content, "author", author.getAddress(),
                        "chainId", chainId, "nonce", nonce, "signature", sig))
                .post(proposals + "/daos/" + dao + "/proposals").then().statusCode(201).extract().jsonPath();
    }

    JsonPath sponsor(JsonPath proposal, Credentials sponsor, long chainId, String spoke) {
        long nonce = accountNonce(sponsor);
        String sig = GovernanceSigning.sponsor(sponsor, chainId, spoke, new BigInteger(proposal.getString("onchainId")),
                proposal.getString("contentHash"), nonce);
        return given().contentType(ContentType.JSON).body(Map.of("sponsor", sponsor.getAddress(), "chainId", chainId,
                        "nonce", nonce, "signature", sig))
                .post(proposals + "/proposals/" + proposal.getString("id") + "/sponsorships").then().statusCode(200)
                .extract().jsonPath();
    }

    JsonPath proposal(String id) {
        return given().get(proposals + "/proposals/" + id).then().statusCode(200).extract().jsonPath();
    }

    long ballotNonce(Credentials voter, long chainId) {
        return given().queryParam("chainId", chainId).get(voting + "/voters/" + voter.getAddress() + "/nonce")
                .then().statusCode(200).extract().jsonPath().getLong("nonce");
    }

    /** A signed Ballot for {@code signedChainId}/{@code signedProposal}, posted as a ballot on {@code chainId}. */
    static Map<String, Object> ballot(Credentials voter, BigInteger signedProposal, long signedChainId, String spoke,
                                      long chainId, int support, long nonce) {
        String sig = GovernanceSigning.ballot(voter, signedChainId, spoke, signedProposal, support, nonce);
        return Map.of("chainId", chainId, "voter", voter.getAddress(), "support", support, "nonce", nonce, "signature", sig);
    }

    io.restassured.response.Response castBallot(String proposalId, Map<String, Object> ballot) {
        return given().contentType(ContentType.JSON).body(ballot).post(voting + "/proposals/" + proposalId + "/ballots");
    }

    /** Signs and casts with the voter's current nonce; expects it to count. */
    JsonPath vote(JsonPath proposal, Credentials voter, long chainId, String spoke, int support) {
        Map<String, Object> b = ballot(voter, new BigInteger(proposal.getString("onchainId")), chainId, spoke, chainId,
                support, ballotNonce(voter, chainId));
        return castBallot(proposal.getString("id"), b).then().statusCode(201).extract().jsonPath();
    }

    JsonPath tally(String proposalId) {
        return given().get(voting + "/proposals/" + proposalId + "/tally").then().statusCode(200).extract().jsonPath();
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static Credentials account() {
        return TestChain.newAccount();
    }
}
