// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SynodToken} from "../src/SynodToken.sol";
import {SpokeVoting} from "../src/SpokeVoting.sol";
import {BatchVoter, IBatchSpoke, IBatchToken} from "../src/BatchVoter.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";

interface Vm {
    function warp(uint256) external;
    function prank(address) external;
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);
    function addr(uint256 privateKey) external pure returns (address);
}

/// The benchmark's pre-mining path: signed delegations and signed ballots, batched, count like single ones.
contract BatchVoterTest {
    Vm constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    bytes32 constant DELEGATION = keccak256("Delegation(address delegatee,uint256 nonce,uint256 expiry)");

    function testEnrolsAndVotesInBatches() public {
        vm.warp(1_000);
        SynodToken token = new SynodToken("Bench", "B", address(this));
        BatchVoter batch = new BatchVoter();
        token.mint(address(batch), 300);
        SpokeVoting spoke = new SpokeVoting(address(this), address(this));

        uint256[] memory keys = new uint256[](3);
        address[] memory voters = new address[](3);
        uint8[] memory v = new uint8[](3);
        bytes32[] memory r = new bytes32[](3);
        bytes32[] memory s = new bytes32[](3);
        bytes32 tokenDomain = keccak256(abi.encode(
            keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
            keccak256("Bench"), keccak256("1"), block.chainid, address(token)));
        for (uint256 i; i < 3; ++i) {
            keys[i] = 0xB00 + i;
            voters[i] = vm.addr(keys[i]);
            bytes32 digest = keccak256(abi.encodePacked("\x19\x01", tokenDomain,
                keccak256(abi.encode(DELEGATION, voters[i], 0, 2_000))));
            (v[i], r[i], s[i]) = vm.sign(keys[i], digest);
        }
        batch.enroll(IBatchToken(address(token)), 100, 2_000, voters, v, r, s);
        require(token.delegates(voters[2]) == voters[2], "self-delegated");

        spoke.openProposal(7, IVotes(address(token)), 1_010, 1_100, 3, false);
        vm.warp(1_020);
        uint8[] memory support = new uint8[](3);
        bytes[] memory sigs = new bytes[](3);
        for (uint256 i; i < 3; ++i) {
            support[i] = uint8(i);
            bytes32 digest = keccak256(abi.encodePacked("\x19\x01", spokeDomain(address(spoke)),
                keccak256(abi.encode(spoke.BALLOT_TYPEHASH(), 7, support[i], voters[i], 0))));
            (uint8 sv, bytes32 sr, bytes32 ss) = vm.sign(keys[i], digest);
            sigs[i] = abi.encodePacked(sr, ss, sv);
        }
        batch.vote(IBatchSpoke(address(spoke)), 7, voters, support, sigs);
        (uint256 against, uint256 for_, uint256 abstain) = spoke.proposalVotes(7);
        require(against == 100 && for_ == 100 && abstain == 100, "one vote each");
        require(spoke.hasVoted(7, voters[1]), "voted");
    }

    function spokeDomain(address spoke) private view returns (bytes32) {
        return keccak256(abi.encode(
            keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
            keccak256("Synod"), keccak256("1"), block.chainid, spoke));
    }
}
