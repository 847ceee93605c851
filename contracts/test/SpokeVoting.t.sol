// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SynodToken} from "../src/SynodToken.sol";
import {SpokeVoting} from "../src/SpokeVoting.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

interface Vm {
    function warp(uint256) external;
    function prank(address) external;
    function expectRevert(bytes calldata) external;
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);
    function addr(uint256 privateKey) external pure returns (address);
}

/// forge-std is not available here: the few cheatcodes needed are declared above.
contract SpokeVotingTest {
    Vm constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    uint256 constant ALICE_KEY = 0xA11CE;
    uint256 constant BOB_KEY = 0xB0B;
    address alice;
    address bob;
    address relayer = address(0xBEEF);
    address carol = address(0xCA201);
    SynodToken token;
    SpokeVoting spoke;

    uint256 constant P = 42;
    uint48 constant START = 1_100;
    uint48 constant END = 1_200;

    function setUp() public {
        vm.warp(1_000);
        alice = vm.addr(ALICE_KEY);
        bob = vm.addr(BOB_KEY);
        token = new SynodToken("T", "T", address(this));
        token.mint(alice, 400);
        token.mint(bob, 300);
        vm.prank(alice);
        token.delegate(alice);
        vm.prank(bob);
        token.delegate(bob);
        spoke = new SpokeVoting(address(this), relayer);
        vm.prank(relayer);
        spoke.openProposal(P, tok(), START, END, 3, false);
    }

    function testOnlyTheRelayerOpensProposals() public {
        bytes32 role = spoke.RELAYER_ROLE(); // read before prank: a prank applies to the next call only
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, carol, role));
        spoke.openProposal(7, tok(), START, END, 3, false);
    }

    function testOpeningAgainIsANoOpButChangingItReverts() public {
        vm.prank(relayer);
        spoke.openProposal(P, tok(), START, END, 3, false);
        vm.prank(relayer);
        vm.expectRevert(abi.encodeWithSelector(SpokeVoting.ProposalAlreadyOpen.selector, P));
        spoke.openProposal(P, tok(), START, END + 1, 3, false);
        vm.prank(relayer);
        vm.expectRevert(abi.encodeWithSelector(SpokeVoting.InvalidWindow.selector, uint48(5), uint48(5)));
        spoke.openProposal(8, tok(), 5, 5, 3, false);
    }

    function testVotesCountWeightAtVoteStartOncePerVoter() public {
        vm.warp(START + 1);
        // tokens moved after voteStart do not carry votes
        vm.prank(bob);
        token.transfer(carol, 300);
        vm.prank(carol);
        token.delegate(carol);
        vm.warp(START + 2);

        vm.prank(alice);
        require(spoke.castVote(P, 1) == 400, "alice weight");
        vm.prank(bob);
        require(spoke.castVoteWithReason(P, 0, "no") == 300, "bob weight at voteStart");
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(SpokeVoting.NoVotingPower.selector, carol));
        spoke.castVote(P, 1);

        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(SpokeVoting.GovernorAlreadyCastVote.selector, alice));
        spoke.castVote(P, 0);

        (uint256 against, uint256 for_, uint256 abstain) = spoke.proposalVotes(P);
        require(against == 300 && for_ == 400 && abstain == 0, "counts");
        require(spoke.hasVoted(P, alice) && !spoke.hasVoted(P, carol), "hasVoted");
        require(spoke.proposalSnapshot(P) == START && spoke.proposalDeadline(P) == END, "window");
    }

    function testEachProposalUsesItsOwnToken() public {
        SynodToken other = new SynodToken("O", "O", address(this));
        other.mint(carol, 50);
        vm.prank(carol);
        other.delegate(carol);
        vm.warp(1_050);
        vm.prank(relayer);
        spoke.openProposal(46, IVotes(address(other)), START, END, 3, false);
        vm.warp(START + 1);
        vm.prank(carol);
        require(spoke.castVote(46, 1) == 50, "carol votes with the other DAO's token");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(SpokeVoting.NoVotingPower.selector, alice));
        spoke.castVote(46, 1);
    }

    function testNoVotesOutsideTheWindow() public {
        vm.warp(START); // voteStart itself is not yet open: weight is read at voteStart
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(SpokeVoting.GovernorUnexpectedProposalState.selector, P, SpokeVoting.ProposalState.Pending)
        );
        spoke.castVote(P, 1);

        vm.warp(END); // voteEnd is the last open second
        vm.prank(alice);
        spoke.castVote(P, 1);

        vm.warp(END + 1);
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(SpokeVoting.GovernorUnexpectedProposalState.selector, P, SpokeVoting.ProposalState.Tallying)
        );
        spoke.castVote(P, 1);

        vm.expectRevert(abi.encodeWithSelector(SpokeVoting.GovernorNonexistentProposal.selector, uint256(99)));
        spoke.castVote(99, 1);
    }

    function testInvalidSupportIsRefused() public {
        vm.warp(START + 1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(SpokeVoting.GovernorInvalidVoteType.selector));
        spoke.castVote(P, 3);
    }

    function testVoteBySigUsesTheNonceOnce() public {
        vm.warp(START + 1);
        bytes memory sig = ballot(ALICE_KEY, P, 1, 0);
        require(spoke.castVoteBySig(P, 1, alice, sig) == 400, "weight");
        require(spoke.nonces(alice) == 1, "nonce used");

        // the same signature again: the nonce moved on, so it recovers to someone else
        vm.prank(relayer);
        spoke.openProposal(43, tok(), START, END, 3, false);
        vm.expectRevert(abi.encodeWithSelector(SpokeVoting.GovernorInvalidSignature.selector, alice));
        spoke.castVoteBySig(43, 1, alice, sig);

        // a signature for bob's ballot cannot vote for alice
        bytes memory bobs = ballot(BOB_KEY, 43, 1, 1);
        vm.expectRevert(abi.encodeWithSelector(SpokeVoting.GovernorInvalidSignature.selector, alice));
        spoke.castVoteBySig(43, 1, alice, bobs);
    }

    function testSignatureForAnotherSpokeIsRefused() public {
        SpokeVoting other = new SpokeVoting(address(this), relayer);
        vm.prank(relayer);
        other.openProposal(P, tok(), START, END, 3, false);
        vm.warp(START + 1);
        bytes memory sig = ballot(ALICE_KEY, P, 1, 0); // signed for `spoke`'s domain
        vm.expectRevert(abi.encodeWithSelector(SpokeVoting.GovernorInvalidSignature.selector, alice));
        other.castVoteBySig(P, 1, alice, sig);
    }

    function testApprovalVotingGivesEachApprovedChoiceTheWeight() public {
        vm.prank(relayer);
        spoke.openProposal(44, tok(), START, END, 4, true);
        vm.warp(START + 1);
        vm.prank(alice);
        spoke.castVoteWithReasonAndParams(44, 0, "", abi.encode(uint256(0x5))); // choices 0 and 2
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(SpokeVoting.GovernorInvalidVoteParams.selector));
        spoke.castVoteWithReasonAndParams(44, 0, "", abi.encode(uint256(0x10))); // choice 4 does not exist
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(SpokeVoting.GovernorInvalidVoteParams.selector));
        spoke.castVote(44, 1); // approval needs params
        uint256[] memory votes = spoke.proposalChoiceVotes(44);
        require(votes.length == 4 && votes[0] == 400 && votes[1] == 0 && votes[2] == 400 && votes[3] == 0, "approval");
    }

    function testCanceledAndDecidedStates() public {
        vm.warp(START + 1);
        vm.prank(relayer);
        spoke.cancelProposal(P);
        require(spoke.state(P) == SpokeVoting.ProposalState.Canceled, "canceled");
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(SpokeVoting.GovernorUnexpectedProposalState.selector, P, SpokeVoting.ProposalState.Canceled)
        );
        spoke.castVote(P, 1);

        vm.prank(relayer);
        spoke.openProposal(45, tok(), START, END, 3, false);
        vm.prank(relayer);
        spoke.extendDeadline(45, END + 50);
        vm.warp(END + 10);
        require(spoke.state(45) == SpokeVoting.ProposalState.Active, "extended");
        vm.warp(END + 51);
        require(spoke.state(45) == SpokeVoting.ProposalState.Tallying, "tallying");
        vm.prank(relayer);
        spoke.recordOutcome(45, true);
        require(spoke.state(45) == SpokeVoting.ProposalState.Succeeded, "succeeded");
    }

    function tok() internal view returns (IVotes) {
        return IVotes(address(token));
    }

    function ballot(uint256 key, uint256 proposalId, uint8 support, uint256 nonce) internal view returns (bytes memory) {
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("Synod"),
                keccak256("1"),
                block.chainid,
                address(spoke)
            )
        );
        bytes32 structHash = keccak256(abi.encode(spoke.BALLOT_TYPEHASH(), proposalId, support, vm.addr(key), nonce));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, keccak256(abi.encodePacked("\x19\x01", domain, structHash)));
        return abi.encodePacked(r, s, v);
    }
}
