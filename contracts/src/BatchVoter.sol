// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

interface IBatchToken {
    function transfer(address to, uint256 amount) external returns (bool);
    function delegateBySig(address delegatee, uint256 nonce, uint256 expiry, uint8 v, bytes32 r, bytes32 s) external;
}

interface IBatchSpoke {
    function castVoteBySig(uint256 proposalId, uint8 support, address voter, bytes memory signature)
        external
        returns (uint256);
}

/// @title Benchmark tool: pre-mines voters and votes ~100 per transaction
/// @notice Never part of a deployment. The backfill benchmark needs tens of thousands of real VoteCast logs
///         from distinct voters; one transaction per voter would take anvil minutes. Every vote still goes
///         through the spoke's own castVoteBySig (each voter signs their ballot), so the logs are exactly
///         the ones wallets produce. Tokens to hand out are minted to this contract first.
contract BatchVoter {
    /// @notice Gives each voter `amount` tokens and makes it its own delegate with its signed delegation
    ///         (nonce 0: fresh accounts).
    function enroll(
        IBatchToken token,
        uint256 amount,
        uint256 expiry,
        address[] calldata voters,
        uint8[] calldata v,
        bytes32[] calldata r,
        bytes32[] calldata s
    ) external {
        for (uint256 i; i < voters.length; ++i) {
            token.transfer(voters[i], amount);
            token.delegateBySig(voters[i], 0, expiry, v[i], r[i], s[i]);
        }
    }

    /// @notice Casts every voter's signed ballot on the spoke.
    function vote(
        IBatchSpoke spoke,
        uint256 proposalId,
        address[] calldata voters,
        uint8[] calldata support,
        bytes[] calldata signatures
    ) external {
        for (uint256 i; i < voters.length; ++i) {
            spoke.castVoteBySig(proposalId, support[i], voters[i], signatures[i]);
        }
    }
}
