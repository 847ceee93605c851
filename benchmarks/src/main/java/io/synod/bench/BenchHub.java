package io.synod.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.synod.testing.GovernanceSigning;
import io.synod.testing.JsonHttp;
import io.synod.testing.TestJwt;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Credentials;

/** The hub calls a benchmark needs before it can vote: a DAO and sponsored (so active) proposals. */
final class BenchHub {
    private final String hub;

    BenchHub(String proposalServiceUrl) {
        this.hub = proposalServiceUrl;
    }

    /** Constitution rules for one proposal type: sponsored by anyone with votes, 10 % quorum, simple majority. */
    static Map<String, Object> rules(int votingPeriodSeconds) {
        return Map.of("sponsorshipThreshold", "1", "votingDelay", 1, "votingPeriod", votingPeriodSeconds,
                "quorumBps", 1000, "approvalBps", 5000, "lateQuorumExtension", 0, "timelock", 0, "gracePeriod", 3600,
                "countingStrategy", "for-against-abstain");
    }

    /** name: a slug prefix. chains: maps of chainId, token, spoke. constitution: rules per proposal type. @return the DAO's slug */
    String dao(String name, List<Map<String, Object>> chains, Map<String, Object> constitution) throws Exception {
        String dao = name + "-" + System.currentTimeMillis() % 100_000;
        JsonHttp.post(hub + "/daos", TestJwt.token("bench", "synod-admin"),
                Map.of("slug", dao, "name", dao, "chains", chains, "constitution", constitution));
        return dao;
    }

    /** Proposes and sponsors (the author sponsors its own): @return the active proposal */
    JsonNode open(String dao, String type, String title, Credentials author, long chainId, String spoke) throws Exception {
        Map<String, Object> content = Map.of("title", title, "body", "load", "type", type);
        String hash = JsonHttp.post(hub + "/daos/" + dao + "/proposals/content-hash", null, content).get("contentHash").asText();
        long nonce = JsonHttp.get(hub + "/accounts/" + author.getAddress() + "/nonce").get("nonce").asLong();
        JsonNode prop = JsonHttp.post(hub + "/daos/" + dao + "/proposals", null, Map.of("content", content,
                "author", author.getAddress(), "chainId", chainId, "nonce", nonce,
                "signature", GovernanceSigning.propose(author, chainId, spoke, dao, hash, nonce)));
        nonce++;
        return JsonHttp.post(hub + "/proposals/" + prop.get("id").asText() + "/sponsorships", null, Map.of(
                "sponsor", author.getAddress(), "chainId", chainId, "nonce", nonce,
                "signature", GovernanceSigning.sponsor(author, chainId, spoke,
                        new BigInteger(prop.get("onchainId").asText()), hash, nonce)));
    }
}
