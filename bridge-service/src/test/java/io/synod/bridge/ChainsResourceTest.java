package io.synod.bridge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.synod.contracts.SynodToken;
import io.synod.testing.Infra;
import io.synod.testing.SynodInfraResource;
import io.synod.testing.TestChain;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

@QuarkusTest
@QuarkusTestResource(value = SynodInfraResource.class, initArgs = {@ResourceArg(name = "chains", value = "true"),
        @ResourceArg(name = "database", value = "synod_bridge_test")})
class ChainsResourceTest {
    static TestChain chainA;
    static SynodToken token;
    static Credentials holder = TestChain.newAccount();
    static long beforeMint;
    static long afterMint;

    @BeforeAll
    static void token() {
        chainA = new TestChain(Infra.CHAIN_A);
        token = chainA.deployToken("Bridge");
        beforeMint = chainA.mine();
        chainA.mineUntilAfter(beforeMint);
        chainA.giveVotes(token, holder, BigInteger.valueOf(1_000));
        afterMint = chainA.latestTimestamp();
        chainA.mineUntilAfter(afterMint);
    }

    @AfterAll
    static void close() {
        chainA.close();
    }

    @Test
    void listsTheConfiguredChains() {
        given().get("/chains").then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].chainId", equalTo((int) Infra.CHAIN_A.chainId()))
                .body("[0].available", equalTo(true))
                .body("[0].endpoints[0].status", equalTo("OK"));
    }

    @Test
    void readsCheckpointedVotesAtATimepointNotTheCurrentBalance() {
        String path = "/chains/" + Infra.CHAIN_A.chainId() + "/voting-power/" + holder.getAddress();
        given().queryParam("token", token.getContractAddress()).queryParam("timepoint", beforeMint)
                .get(path).then().statusCode(200).body("votes", equalTo("0"));
        given().queryParam("token", token.getContractAddress()).queryParam("timepoint", afterMint)
                .get(path).then().statusCode(200).body("votes", equalTo("1000"));
        given().queryParam("token", token.getContractAddress()).queryParam("timepoint", afterMint)
                .get("/chains/" + Infra.CHAIN_A.chainId() + "/total-supply").then().statusCode(200)
                .body("totalSupply", equalTo("1000"));
    }

    @Test
    void refusesAFutureTimepointAndBadInput() {
        String path = "/chains/" + Infra.CHAIN_A.chainId() + "/voting-power/" + holder.getAddress();
        given().queryParam("token", token.getContractAddress()).queryParam("timepoint", afterMint + 3600)
                .get(path).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://synod.dev/problems/timepoint-not-reached"));
        given().queryParam("token", "0x1234").get(path).then().statusCode(400)
                .body("type", equalTo("https://synod.dev/problems/bad-address"));
        given().queryParam("token", token.getContractAddress()).get("/chains/999/voting-power/" + holder.getAddress())
                .then().statusCode(404).body("type", startsWith("https://synod.dev/problems/chain-not-found"));
        given().queryParam("token", token.getContractAddress()).queryParam("timepoint", "soon").get(path)
                .then().statusCode(400).body("type", equalTo("https://synod.dev/problems/bad-timepoint"));
    }
}
