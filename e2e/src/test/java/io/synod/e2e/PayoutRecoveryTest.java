package io.synod.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.synod.events.CloudEvents;
import io.synod.events.Topics;
import io.synod.testing.Infra;
import io.synod.testing.TestChain;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;

/**
 * A payout survives the worst timing: bridge-service is killed after it broadcast the payout but before the
 * chain mined it, and the payout request is delivered a second time while it is down. The vault pays once.
 */
class PayoutRecoveryTest {
    static final BigInteger TOKEN = BigInteger.TEN.pow(18);

    @Test
    void aPayoutDeliveredTwiceWithTheBridgeKilledMidPaymentIsPaidOnce() throws Exception {
        Grants g = new Grants(TOKEN.multiply(BigInteger.valueOf(100)), TOKEN);
        Environment env = g.env;
        String committee = g.committee(1, List.of(Grants.member("wes", null, List.of())));
        Credentials grantee = Hub.account();
        JsonPath app = g.apply(committee, grantee, g.content(grantee, g.c.chainA, g.usd.getContractAddress(),
                List.<Object[]>of(new Object[] {"Ship it", TOKEN.multiply(BigInteger.valueOf(70)), 7}), List.of()))
                .then().statusCode(201).extract().jsonPath();
        JsonPath grant = g.grant(g.vote("/applications/" + app.getString("id") + "/votes", "wes", "approve")
                .then().statusCode(200).extract().jsonPath().getString("grantId"));
        String milestone = grant.getString("milestones[0].id");
        g.evidence(grantee, grant, milestone).then().statusCode(200);

        // chain A stops mining: the payout's transaction will wait in the pool
        env.pacer.pause();
        env.chainA.rpc("evm_setAutomine", List.of(false));
        try {
            String payoutId = g.vote("/milestones/" + milestone + "/votes", "wes", "approve").then().statusCode(200)
                    .extract().jsonPath().getString("milestones[0].payoutId");
            Hub.await("the relayer's payout in the pool", Duration.ofSeconds(30), () -> pendingFromRelayer(env.chainA) > 0);
            env.platform.bridge.kill();
            redeliver(g.payout(payoutId));
            env.platform.bridge.start();
        } finally {
            env.chainA.rpc("evm_setAutomine", List.of(true));
            env.chainA.mine();
            env.pacer.resume();
        }
        String payoutId = g.grant(grant.getString("id")).getString("milestones[0].payoutId");
        JsonPath paid = g.awaitPaid(payoutId);

        assertEquals(TOKEN.multiply(BigInteger.valueOf(70)), env.chainA.balanceOf(g.usd, grantee.getAddress()));
        EthFilter executed = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.ZERO), DefaultBlockParameter.valueOf("latest"), g.vaultA)
                .addSingleTopic(Hash.sha3String("PayoutExecuted(bytes32,address,address,uint256)")).addSingleTopic(payoutId);
        assertEquals(1, env.chainA.web3j.ethGetLogs(executed).send().getLogs().size());
        assertEquals(paid.getString("txHash"), ((org.web3j.protocol.core.methods.response.Log)
                env.chainA.web3j.ethGetLogs(executed).send().getLogs().getFirst().get()).getTransactionHash());
        assertEquals(List.of("milestone-approved", "milestone-approved", "payout-paid", "payout-paid"),
                paid.getList("trace.ledger.kind"));
        assertEquals(TOKEN.multiply(BigInteger.valueOf(70)).toString(), g.envelope(g.c.chainA).getString("spent"));
    }

    private static int pendingFromRelayer(TestChain chain) {
        Map<?, ?> content = (Map<?, ?>) chain.rpc("txpool_content", List.of());
        Map<?, ?> pending = (Map<?, ?>) content.get("pending");
        return pending.keySet().stream().filter(k -> k.toString().equalsIgnoreCase(TestChain.RELAYER.getAddress()))
                .mapToInt(k -> ((Map<?, ?>) pending.get(k)).size()).sum();
    }

    /** The same payout request again, as a producer retrying after a lost acknowledgement would send it. */
    private static void redeliver(JsonPath p) {
        String payload = "{\"payoutId\":\"" + p.getString("id") + "\",\"attempt\":" + p.getInt("attempt") + ",\"dao\":\""
                + p.getString("dao") + "\",\"chainId\":" + p.getLong("chainId") + ",\"vault\":\"" + p.getString("vault")
                + "\",\"asset\":\"" + p.getString("asset") + "\",\"recipient\":\"" + p.getString("recipient")
                + "\",\"amount\":\"" + p.getString("amount") + "\",\"grantId\":\"" + p.getString("grantId")
                + "\",\"milestoneId\":\"" + p.getString("milestoneId") + "\"}";
        try (KafkaCompanion kafka = new KafkaCompanion(Infra.kafka())) {
            ProducerRecord<String, String> r = new ProducerRecord<>(Topics.PAYOUTS, p.getString("id"), payload);
            r.headers().add(CloudEvents.H_SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
            r.headers().add(CloudEvents.H_ID, ("again-" + p.getString("id")).getBytes(StandardCharsets.UTF_8));
            r.headers().add(CloudEvents.H_TYPE, CloudEvents.PAYOUT_REQUESTED.getBytes(StandardCharsets.UTF_8));
            r.headers().add(CloudEvents.H_SOURCE, "urn:synod:treasury-service".getBytes(StandardCharsets.UTF_8));
            kafka.produceStrings().fromRecords(r).awaitCompletion(Duration.ofSeconds(10));
        }
    }
}
