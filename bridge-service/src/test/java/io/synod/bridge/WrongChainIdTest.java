package io.synod.bridge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.synod.testing.Infra;
import io.synod.testing.SynodInfraResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A chain configured as id 10 whose only RPC is really chain A: the bridge must never read from it. */
@QuarkusTest
@TestProfile(WrongChainIdTest.LyingRpc.class)
@QuarkusTestResource(value = SynodInfraResource.class, initArgs = {@ResourceArg(name = "chains", value = "true"),
        @ResourceArg(name = "database", value = "synod_bridge_test")})
class WrongChainIdTest {

    public static class LyingRpc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Infra.chains();
            return Map.of("bridge.chains[2].chain-id", "10",
                    "bridge.chains[2].rpc-urls[0]", Infra.CHAIN_A.rpcUrl());
        }
    }

    @Test
    void refusesAnRpcThatReportsAnotherChainId() {
        given().get("/chains/10").then().statusCode(200)
                .body("available", equalTo(false))
                .body("endpoints[0].status", equalTo("WRONG_CHAIN"));
        given().queryParam("token", "0x5FbDB2315678afecb367f032d93F642f64180aa3")
                .get("/chains/10/voting-power/0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
                .then().statusCode(503)
                .body("type", equalTo("https://synod.dev/problems/chain-unavailable"));
    }
}
