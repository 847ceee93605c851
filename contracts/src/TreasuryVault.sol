// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

/// @title Synod treasury vault: one DAO's funds on one chain
/// @notice Holds the native coin and any ERC-20. Money leaves only through `payout`, sent by the hub's
///         relayer for a payout the DAO's grants process approved; each payout id can be paid once, so a
///         redelivered request, a relayer restarted mid-send or a second relayer replica cannot pay twice.
///         The admin (the DAO's executor or multisig) manages relayers, can pause payouts and can move
///         funds out with `withdraw` (e.g. to a new vault).
contract TreasuryVault is AccessControl, ReentrancyGuard, Pausable {
    using SafeERC20 for IERC20;

    bytes32 public constant RELAYER_ROLE = keccak256("RELAYER_ROLE");
    /// @notice `asset` value that means the chain's native coin.
    address public constant NATIVE = address(0);

    /// payout id => paid (set before the transfer: a reentrant call finds it paid)
    mapping(bytes32 payoutId => bool) public paid;

    event PayoutExecuted(bytes32 indexed payoutId, address indexed asset, address indexed to, uint256 amount);
    event Deposited(address indexed from, uint256 amount);
    event Withdrawn(address indexed asset, address indexed to, uint256 amount);

    error AlreadyPaid(bytes32 payoutId);
    error InvalidPayout();
    error NativeTransferFailed(address to, uint256 amount);
    error InsufficientBalance(address asset, uint256 balance, uint256 amount);

    constructor(address admin, address relayer) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(RELAYER_ROLE, relayer);
    }

    receive() external payable {
        emit Deposited(msg.sender, msg.value);
    }

    /// @notice Pays `amount` of `asset` (NATIVE for the native coin) to `to`, once per `payoutId`.
    function payout(bytes32 payoutId, address asset, address payable to, uint256 amount)
        external
        onlyRole(RELAYER_ROLE)
        whenNotPaused
        nonReentrant
    {
        if (paid[payoutId]) revert AlreadyPaid(payoutId);
        if (payoutId == bytes32(0) || to == address(0) || amount == 0) revert InvalidPayout();
        uint256 balance = balanceOf(asset);
        if (balance < amount) revert InsufficientBalance(asset, balance, amount);
        paid[payoutId] = true;
        _transfer(asset, to, amount);
        emit PayoutExecuted(payoutId, asset, to, amount);
    }

    /// @notice The vault's balance of `asset` (NATIVE for the native coin).
    function balanceOf(address asset) public view returns (uint256) {
        return asset == NATIVE ? address(this).balance : IERC20(asset).balanceOf(address(this));
    }

    function withdraw(address asset, address payable to, uint256 amount)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
        nonReentrant
    {
        _transfer(asset, to, amount);
        emit Withdrawn(asset, to, amount);
    }

    function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _pause();
    }

    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _unpause();
    }

    function _transfer(address asset, address payable to, uint256 amount) private {
        if (asset == NATIVE) {
            (bool ok,) = to.call{value: amount}("");
            if (!ok) revert NativeTransferFailed(to, amount);
        } else {
            IERC20(asset).safeTransfer(to, amount);
        }
    }
}
