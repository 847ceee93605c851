package io.synod.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A full proposal across two chains, through the real services, Kafka, PostgreSQL and anvil: the outcome
 * follows the constitution's quorum (40 % of the 9000 supply at voteStart, counting for + abstain) and
 * approval (strictly more for than against).
 */
class ProposalOutcomeTest {

    @Test
    void succeedsWithSignedBallotsFromBothChains() {
        Community c = new Community(Community.defaultRules());
        JsonPath p = c.pendingProposal("Adopt the code of conduct");
        assertEquals("pending", p.getString("state"));
        assertEquals("7000", p.getString("sponsorPower"));
        c.awaitActive(p);
        String id = p.getString("id");

        c.hub.vote(p, c.alice, c.chainA, c.spoke(c.chainA), 1);
        c.hub.vote(p, c.bob, c.chainB, c.spoke(c.chainB), 1);
        c.hub.vote(p, c.carol, c.chainA, c.spoke(c.chainA), 0);
        c.hub.vote(p, c.carol, c.chainB, c.spoke(c.chainB), 0);

        Hub.await("all four ballots tallied", java.time.Duration.ofSeconds(10),
                () -> "9000".equals(c.hub.tally(id).getString("participation")));
        JsonPath provisional = c.hub.tally(id);
        assertEquals("provisional", provisional.getString("status"));
        assertEquals(3, provisional.getInt("voters"));
        assertEquals(List.of("2000", "7000", "0"), provisional.getList("choices.votes"));

        JsonPath decided = c.awaitDecided(p);
        JsonPath tally = c.hub.tally(id);
        assertEquals("final", tally.getString("status"));
        assertEquals("9000", tally.getString("totalSupply"));
        assertEquals("3600", tally.getString("quorum"));
        assertTrue(tally.getBoolean("quorumReached"));
        assertEquals(List.of("1000", "4000", "0"), tally.getList("chains.find { it.chainId == " + c.chainA + " }.votes"));
        assertEquals(List.of("1000", "3000", "0"), tally.getList("chains.find { it.chainId == " + c.chainB + " }.votes"));
        assertTrue(tally.getBoolean("passed"));
        assertThat(Community.states(decided), hasItem("succeeded"));
    }

    @Test
    void defeatedWhenQuorumIsMissed() {
        Community c = new Community(Community.defaultRules());
        JsonPath p = c.pendingProposal("Rename the forum");
        c.awaitActive(p);
        // carol is unanimous, but 2000 of 9000 is below the 40 % quorum (3600)
        c.hub.vote(p, c.carol, c.chainA, c.spoke(c.chainA), 1);
        c.hub.vote(p, c.carol, c.chainB, c.spoke(c.chainB), 1);

        JsonPath decided = c.awaitDecided(p);
        JsonPath tally = c.hub.tally(p.getString("id"));
        assertFalse(tally.getBoolean("quorumReached"));
        assertEquals(10_000, tally.getInt("approvalBps"));
        assertEquals("defeated", decided.getString("state"));
        assertThat(Community.states(decided), not(hasItem("succeeded")));
    }

    @Test
    void defeatedWhenMoreVoteAgainstThanFor() {
        Community c = new Community(Community.defaultRules());
        JsonPath p = c.pendingProposal("Move the treasury");
        c.awaitActive(p);
        c.hub.vote(p, c.alice, c.chainA, c.spoke(c.chainA), 1); // 4000 for: quorum on its own
        c.hub.vote(p, c.bob, c.chainB, c.spoke(c.chainB), 0);   // 3000 against
        c.hub.vote(p, c.carol, c.chainA, c.spoke(c.chainA), 0); // 1000 against
        c.hub.vote(p, c.carol, c.chainB, c.spoke(c.chainB), 0); // 1000 against

        JsonPath decided = c.awaitDecided(p);
        JsonPath tally = c.hub.tally(p.getString("id"));
        assertTrue(tally.getBoolean("quorumReached"));
        assertEquals(4444, tally.getInt("approvalBps"));
        assertEquals("defeated", decided.getString("state"));
    }
}
