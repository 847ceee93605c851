package io.synod.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quadratic counting is per person across chains: carol's 1000 on each chain earn her √2000 = 44 credits,
 * not √1000 + √1000 = 62. Only a hub that sees every chain's votes can count this way.
 */
class QuadraticVotingTest {

    @Test
    void aPersonsCreditIsTheRootOfTheirWeightSummedOverChains() {
        Community c = new Community(Hub.rules(5000, 2, 6, 1000, 5000, "quadratic"));
        JsonPath p = c.hub.propose(c.dao, Map.of("title", "Pick a logo", "body", "Two candidates.", "type", "policy",
                "choices", List.of("circle", "square")), c.alice, c.chainA, c.env.spokeA);
        c.hub.sponsor(p, c.alice, c.chainA, c.env.spokeA);
        p = c.hub.sponsor(p, c.bob, c.chainB, c.env.spokeB);
        c.awaitActive(p);

        c.hub.vote(p, c.alice, c.chainA, c.spoke(c.chainA), 0);  // √4000 = 63 for circle
        c.hub.vote(p, c.bob, c.chainB, c.spoke(c.chainB), 1);    // √3000 = 54 for square
        c.hub.vote(p, c.carol, c.chainA, c.spoke(c.chainA), 1);  // carol: √(1000 + 1000) = 44 for square,
        c.hub.vote(p, c.carol, c.chainB, c.spoke(c.chainB), 1);  // half from each chain

        c.awaitDecided(p);
        JsonPath tally = c.hub.tally(p.getString("id"));
        assertEquals(List.of("63", "98"), tally.getList("choices.votes"));
        assertEquals(1, tally.getInt("winningChoice"));
        assertEquals(3, tally.getInt("voters"));
        assertEquals("9000", tally.getString("participation"));
        assertEquals(List.of("4000", "1000"), tally.getList("chains.find { it.chainId == " + c.chainA + " }.votes"));
    }
}
