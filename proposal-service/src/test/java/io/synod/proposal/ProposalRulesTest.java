package io.synod.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.signatures.SignerRecovery;
import io.synod.testing.GovernanceSigning;
import io.synod.testing.TestChain;
import io.synod.signatures.ContentHash;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

class ProposalRulesTest {
    static final TypeRules FAA = new TypeRules("100", 0, 60, 400, 5000, null, 0, 0, 60, "for-against-abstain");
    static final TypeRules CHOICE = new TypeRules("100", 0, 60, 400, 5000, null, 0, 0, 60, "single-choice");

    static ProposalContent content(String type, List<String> choices, List<ProposalContent.Action> actions,
                                   Map<String, TypeRules> constitution) {
        return new ProposalContent("t", "b", type, choices, actions, null, constitution);
    }

    @Test
    void lifecycleFollowsTheGovernorStateMachine() {
        assertTrue(ProposalState.PENDING.canMoveTo(ProposalState.CANCELED));
        assertFalse(ProposalState.ACTIVE.canMoveTo(ProposalState.CANCELED)); // too late for the proposer
        assertTrue(ProposalState.QUEUED.canMoveTo(ProposalState.VETOED));
        assertFalse(ProposalState.ACTIVE.canMoveTo(ProposalState.VETOED)); // the guardian acts on queued proposals only
        assertFalse(ProposalState.DEFEATED.canMoveTo(ProposalState.QUEUED));
        assertFalse(ProposalState.EXECUTED.canMoveTo(ProposalState.EXECUTED));
    }

    @Test
    void technicalProposalsMustCarryActionsOnTheDaosChains() {
        assertEquals(List.of("technical proposals must carry executable actions"),
                content("technical", null, null, null).problems(FAA, Set.of(1L)));
        var elsewhere = new ProposalContent.Action(99, "0x" + "1".repeat(40), "0x", "0");
        assertEquals(List.of("action on chain 99, which the DAO does not govern"),
                content("technical", null, List.of(elsewhere), null).problems(FAA, Set.of(1L)));
    }

    @Test
    void choicesAreWhatTheStrategyNeeds() {
        assertEquals(List.of("single-choice proposals need at least 2 choices"),
                content("policy", List.of("only"), null, null).problems(CHOICE, Set.of()));
        assertEquals(List.of("choices must be distinct"), content("policy", List.of("a", "a"), null, null).problems(CHOICE, Set.of()));
        assertEquals(List.of("for-against-abstain proposals have no choices of their own"),
                content("policy", List.of("a", "b"), null, null).problems(FAA, Set.of()));
    }

    @Test
    void aConstitutionMustCoverEveryTypeAndGuardItself() {
        Map<String, TypeRules> partial = Map.of("policy", FAA);
        assertEquals(3, Constitution.of(partial).problems().size());
        TypeRules weak = new TypeRules("100", 0, 60, 100, 5000, null, 0, 0, 60, "for-against-abstain");
        Map<String, TypeRules> selfWeakening = Map.of("policy", FAA, "technical", FAA, "treasury", FAA, "constitutional", weak);
        assertEquals(List.of("constitutional: quorum and approval must be at least those of every other type"),
                Constitution.of(selfWeakening).problems());
        assertEquals(List.of("only constitutional proposals may carry a constitution"),
                content("policy", null, null, selfWeakening).problems(FAA, Set.of()));
    }

    @Test
    void contentHashIsCanonicalWhateverTheKeyOrder() {
        var a = new java.util.LinkedHashMap<String, Object>();
        a.put("title", "x");
        a.put("body", "y");
        var b = new java.util.LinkedHashMap<String, Object>();
        b.put("body", "y");
        b.put("title", "x");
        assertEquals(ContentHash.of(a), ContentHash.of(b));
        assertEquals("{\"body\":\"y\",\"title\":\"x\"}", ContentHash.canonicalJson(a));
    }

    @Test
    void governanceDigestsMatchAWalletsSignatures() throws Exception {
        Credentials who = TestChain.newAccount();
        String spoke = "0x" + "ab".repeat(20);
        String hash = "0x" + "cd".repeat(32);
        BigInteger id = new BigInteger("987654321987654321");
        var domain = GovernanceTypedData.domain(10, spoke);
        assertEquals(who.getAddress(), SignerRecovery.recover(GovernanceTypedData.propose(domain, "dao", hash, who.getAddress(), 4),
                GovernanceSigning.propose(who, 10, spoke, "dao", hash, 4)));
        assertEquals(who.getAddress(), SignerRecovery.recover(GovernanceTypedData.sponsor(domain, id, hash, who.getAddress(), 5),
                GovernanceSigning.sponsor(who, 10, spoke, id, hash, 5)));
        assertEquals(who.getAddress(), SignerRecovery.recover(GovernanceTypedData.action(domain, id, "veto", who.getAddress(), 6),
                GovernanceSigning.action(who, 10, spoke, id, "veto", 6)));
        // a cancel signature is no veto
        assertFalse(who.getAddress().equals(SignerRecovery.recover(GovernanceTypedData.action(domain, id, "veto", who.getAddress(), 6),
                GovernanceSigning.action(who, 10, spoke, id, "cancel", 6))));
    }
}
