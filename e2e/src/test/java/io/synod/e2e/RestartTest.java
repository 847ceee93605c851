package io.synod.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Services killed mid-proposal (SIGKILL, as a crash) lose nothing: timers fire, ballots stay counted. */
class RestartTest {

    @Test
    void servicesKilledMidProposalLoseNothing() {
        // the voting period leaves room for a voting-service restart on a loaded machine
        Community c = new Community(Hub.rules(5000, 4, 25, 4000, 5000, "for-against-abstain"));
        JsonPath p = c.pendingProposal("Survive restarts");
        String id = p.getString("id");

        // proposal-service dies while the proposal is pending: activation still happens after restart
        c.env.platform.proposals.kill();
        c.env.platform.proposals.start();
        c.awaitActive(p);

        c.hub.vote(p, c.alice, c.chainA, c.spoke(c.chainA), 1);
        c.hub.vote(p, c.carol, c.chainA, c.spoke(c.chainA), 0);
        // voting-service dies with votes counted and the tally perhaps not yet refreshed
        c.env.platform.voting.kill();
        c.env.platform.voting.start();
        c.hub.vote(p, c.bob, c.chainB, c.spoke(c.chainB), 1);

        JsonPath decided = c.awaitDecided(p);
        JsonPath tally = c.hub.tally(id);
        assertEquals(List.of("1000", "7000", "0"), tally.getList("choices.votes"));
        assertEquals(3, tally.getInt("voters"));
        assertThat(Community.states(decided), hasItem("succeeded"));
        Hub.await("queued after the timelock rule", Duration.ofSeconds(10),
                () -> "queued".equals(c.hub.proposal(id).getString("state")));
    }
}
