// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

/// @title Synod spoke: where a DAO's members vote on one chain
/// @notice Speaks OpenZeppelin Governor's voting surface (castVote*, hasVoted, proposalVotes, proposalSnapshot,
///         proposalDeadline, state, VoteCast) so wallets, `cast` and indexers work unchanged. The hub decides;
///         the spoke only records votes, which bridge-service relays from its VoteCast logs.
///
///         One spoke serves every DAO on its chain: the relayer opens each proposal with the hub's id, the
///         DAO's votes token and a window in unix seconds (the token's ERC-6372 timestamp clock). Voting is open while voteStart < block.timestamp <= voteEnd; weight is
///         the token's getPastVotes(voter, voteStart); one vote per voter.
///
///         Multi-choice extension: a proposal has `choiceCount` choices. Single choice: `support` is the
///         choice index (for/against/abstain keeps Governor's 0 = against, 1 = for, 2 = abstain). Approval:
///         `castVoteWithReasonAndParams` with support = 0 and params = abi.encode(uint256 bitmask) of the
///         approved choices; every approved choice gets the voter's weight. `proposalChoiceVotes` returns
///         the weight per choice; `proposalVotes` returns Governor's (against, for, abstain) = choices 0..2.
contract SpokeVoting is AccessControl, EIP712, Nonces {
    bytes32 public constant RELAYER_ROLE = keccak256("RELAYER_ROLE");
    bytes32 public constant BALLOT_TYPEHASH = keccak256("Ballot(uint256 proposalId,uint8 support,address voter,uint256 nonce)");
    bytes32 public constant EXTENDED_BALLOT_TYPEHASH = keccak256(
        "ExtendedBallot(uint256 proposalId,uint8 support,address voter,uint256 nonce,string reason,bytes params)"
    );
    uint8 public constant MAX_CHOICES = 64;
    uint256 public constant MAX_REASON_BYTES = 1024;

    /// Governor's states, plus Tallying (voting over, the hub's outcome not yet recorded here).
    enum ProposalState { Pending, Active, Canceled, Defeated, Succeeded, Queued, Expired, Executed, Tallying }

    struct Proposal {
        IVotes token;
        uint48 voteStart;
        uint48 voteEnd;
        uint8 choiceCount;
        bool approval;
        bool canceled;
        uint8 outcome; // 0 unknown, 1 defeated, 2 succeeded
        mapping(address voter => bool) hasVoted;
        mapping(uint256 choice => uint256) votes;
    }

    mapping(uint256 proposalId => Proposal) private _proposals;

    event VoteCast(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason);
    event VoteCastWithParams(
        address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason, bytes params
    );
    event ProposalOpened(
        uint256 indexed proposalId, address token, uint48 voteStart, uint48 voteEnd, uint8 choiceCount, bool approval
    );
    event ProposalDeadlineExtended(uint256 indexed proposalId, uint48 voteEnd);
    event ProposalCanceled(uint256 proposalId);
    event ProposalOutcome(uint256 indexed proposalId, bool succeeded);

    error GovernorNonexistentProposal(uint256 proposalId);
    error ProposalAlreadyOpen(uint256 proposalId);
    error InvalidWindow(uint48 voteStart, uint48 voteEnd);
    error InvalidChoiceCount(uint8 choiceCount);
    error InvalidToken();
    error GovernorUnexpectedProposalState(uint256 proposalId, ProposalState current);
    error GovernorAlreadyCastVote(address voter);
    error GovernorInvalidVoteType();
    error GovernorInvalidVoteParams();
    error GovernorInvalidSignature(address voter);
    error NoVotingPower(address voter);
    error ReasonTooLong();

    constructor(address admin, address relayer) EIP712("Synod", "1") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(RELAYER_ROLE, relayer);
    }

    // ---------------------------------------------------------------- relayer

    /// @notice Opens the hub's proposal here. Idempotent: repeating the same opening is a no-op, so a
    ///         relayer that lost a receipt may simply send again.
    function openProposal(
        uint256 proposalId,
        IVotes token,
        uint48 voteStart,
        uint48 voteEnd,
        uint8 choiceCount,
        bool approval
    ) external onlyRole(RELAYER_ROLE) {
        Proposal storage p = _proposals[proposalId];
        if (p.voteEnd != 0) {
            if (
                p.token == token && p.voteStart == voteStart && p.voteEnd == voteEnd && p.choiceCount == choiceCount
                    && p.approval == approval
            ) return;
            revert ProposalAlreadyOpen(proposalId);
        }
        if (address(token) == address(0)) revert InvalidToken();
        if (voteStart == 0 || voteEnd <= voteStart) revert InvalidWindow(voteStart, voteEnd);
        if (choiceCount < 2 || choiceCount > MAX_CHOICES) revert InvalidChoiceCount(choiceCount);
        p.token = token;
        p.voteStart = voteStart;
        p.voteEnd = voteEnd;
        p.choiceCount = choiceCount;
        p.approval = approval;
        emit ProposalOpened(proposalId, address(token), voteStart, voteEnd, choiceCount, approval);
    }

    /// @notice The hub extended voting (late quorum); only ever later.
    function extendDeadline(uint256 proposalId, uint48 voteEnd) external onlyRole(RELAYER_ROLE) {
        Proposal storage p = _existing(proposalId);
        if (voteEnd <= p.voteEnd) revert InvalidWindow(p.voteStart, voteEnd);
        p.voteEnd = voteEnd;
        emit ProposalDeadlineExtended(proposalId, voteEnd);
    }

    /// @notice The hub canceled or vetoed the proposal: no more votes here.
    function cancelProposal(uint256 proposalId) external onlyRole(RELAYER_ROLE) {
        _existing(proposalId).canceled = true;
        emit ProposalCanceled(proposalId);
    }

    /// @notice Records the hub's final outcome, so state() answers like a Governor's.
    function recordOutcome(uint256 proposalId, bool succeeded) external onlyRole(RELAYER_ROLE) {
        Proposal storage p = _existing(proposalId);
        if (Time.timestamp() <= p.voteEnd) revert GovernorUnexpectedProposalState(proposalId, state(proposalId));
        p.outcome = succeeded ? 2 : 1;
        emit ProposalOutcome(proposalId, succeeded);
    }

    // ---------------------------------------------------------------- voting (Governor's surface)

    function castVote(uint256 proposalId, uint8 support) external returns (uint256) {
        return _castVote(proposalId, msg.sender, support, "", "");
    }

    function castVoteWithReason(uint256 proposalId, uint8 support, string calldata reason) external returns (uint256) {
        return _castVote(proposalId, msg.sender, support, reason, "");
    }

    function castVoteWithReasonAndParams(uint256 proposalId, uint8 support, string calldata reason, bytes memory params)
        external
        returns (uint256)
    {
        return _castVote(proposalId, msg.sender, support, reason, params);
    }

    function castVoteBySig(uint256 proposalId, uint8 support, address voter, bytes memory signature)
        external
        returns (uint256)
    {
        bytes32 digest = _hashTypedDataV4(keccak256(abi.encode(BALLOT_TYPEHASH, proposalId, support, voter, _useNonce(voter))));
        if (!SignatureChecker.isValidSignatureNow(voter, digest, signature)) revert GovernorInvalidSignature(voter);
        return _castVote(proposalId, voter, support, "", "");
    }

    function castVoteWithReasonAndParamsBySig(
        uint256 proposalId,
        uint8 support,
        address voter,
        string calldata reason,
        bytes memory params,
        bytes memory signature
    ) external returns (uint256) {
        bytes32 digest = _hashTypedDataV4(
            keccak256(
                abi.encode(
                    EXTENDED_BALLOT_TYPEHASH,
                    proposalId,
                    support,
                    voter,
                    _useNonce(voter),
                    keccak256(bytes(reason)),
                    keccak256(params)
                )
            )
        );
        if (!SignatureChecker.isValidSignatureNow(voter, digest, signature)) revert GovernorInvalidSignature(voter);
        return _castVote(proposalId, voter, support, reason, params);
    }

    function _castVote(uint256 proposalId, address voter, uint8 support, string memory reason, bytes memory params)
        private
        returns (uint256 weight)
    {
        ProposalState s = state(proposalId);
        if (s != ProposalState.Active) revert GovernorUnexpectedProposalState(proposalId, s);
        if (bytes(reason).length > MAX_REASON_BYTES) revert ReasonTooLong();
        Proposal storage p = _proposals[proposalId];
        if (p.hasVoted[voter]) revert GovernorAlreadyCastVote(voter);
        weight = p.token.getPastVotes(voter, p.voteStart);
        if (weight == 0) revert NoVotingPower(voter);
        p.hasVoted[voter] = true;

        if (p.approval) {
            if (support != 0 || params.length != 32) revert GovernorInvalidVoteParams();
            uint256 mask = abi.decode(params, (uint256));
            if (mask == 0 || mask >> p.choiceCount != 0) revert GovernorInvalidVoteParams();
            for (uint256 c = 0; c < p.choiceCount; c++) {
                if (mask & (1 << c) != 0) p.votes[c] += weight;
            }
        } else {
            if (params.length != 0) revert GovernorInvalidVoteParams();
            if (support >= p.choiceCount) revert GovernorInvalidVoteType();
            p.votes[support] += weight;
        }

        if (params.length == 0) {
            emit VoteCast(voter, proposalId, support, weight, reason);
        } else {
            emit VoteCastWithParams(voter, proposalId, support, weight, reason, params);
        }
    }

    // ---------------------------------------------------------------- views

    function state(uint256 proposalId) public view returns (ProposalState) {
        Proposal storage p = _existing(proposalId);
        if (p.canceled) return ProposalState.Canceled;
        uint48 now_ = Time.timestamp();
        if (now_ <= p.voteStart) return ProposalState.Pending;
        if (now_ <= p.voteEnd) return ProposalState.Active;
        if (p.outcome == 2) return ProposalState.Succeeded;
        if (p.outcome == 1) return ProposalState.Defeated;
        return ProposalState.Tallying;
    }

    function hasVoted(uint256 proposalId, address account) external view returns (bool) {
        return _proposals[proposalId].hasVoted[account];
    }

    /// @notice Governor's counting-simple answer: choices 0, 1 and 2.
    function proposalVotes(uint256 proposalId)
        external
        view
        returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)
    {
        Proposal storage p = _proposals[proposalId];
        return (p.votes[0], p.votes[1], p.votes[2]);
    }

    function proposalChoiceVotes(uint256 proposalId) external view returns (uint256[] memory votes) {
        Proposal storage p = _existing(proposalId);
        votes = new uint256[](p.choiceCount);
        for (uint256 c = 0; c < p.choiceCount; c++) {
            votes[c] = p.votes[c];
        }
    }

    function proposalSnapshot(uint256 proposalId) external view returns (uint256) {
        return _proposals[proposalId].voteStart;
    }

    function proposalToken(uint256 proposalId) external view returns (address) {
        return address(_proposals[proposalId].token);
    }

    function proposalDeadline(uint256 proposalId) external view returns (uint256) {
        return _proposals[proposalId].voteEnd;
    }

    function nonces(address owner) public view override returns (uint256) {
        return super.nonces(owner);
    }

    function clock() external view returns (uint48) {
        return Time.timestamp();
    }

    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=timestamp";
    }

    // solhint-disable-next-line func-name-mixedcase
    function COUNTING_MODE() external pure returns (string memory) {
        return "support=bravo&quorum=hub&params=approval-bitmask";
    }

    function name() external pure returns (string memory) {
        return "Synod";
    }

    function version() external pure returns (string memory) {
        return "1";
    }

    function _existing(uint256 proposalId) private view returns (Proposal storage p) {
        p = _proposals[proposalId];
        if (p.voteEnd == 0) revert GovernorNonexistentProposal(proposalId);
    }
}
