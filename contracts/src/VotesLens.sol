// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";

/// @title Deployless batch reader of checkpointed votes
/// @notice Never deployed: bridge-service sends this contract's creation code with its arguments as an
///         eth_call without a `to`; the constructor reads every account's votes at `timepoint` and returns
///         `abi.encode(uint256[])` as the call's result. One EVM execution instead of one per voter, on any
///         EVM chain, with no contract to deploy or trust.
contract VotesLens {
    constructor(IVotes token, uint256 timepoint, address[] memory accounts) {
        uint256[] memory votes = new uint256[](accounts.length);
        for (uint256 i = 0; i < accounts.length; i++) {
            votes[i] = token.getPastVotes(accounts[i], timepoint);
        }
        bytes memory out = abi.encode(votes);
        assembly {
            return(add(out, 32), mload(out))
        }
    }
}
