// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SynodToken} from "../src/SynodToken.sol";
import {TreasuryVault} from "../src/TreasuryVault.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

interface VaultVm {
    function prank(address) external;
    function deal(address, uint256) external;
    function expectRevert(bytes calldata) external;
}

/// Reenters the vault when it receives the native coin: the payout id is already spent by then.
contract Reenterer {
    TreasuryVault vault;
    bytes32 id;
    bool public reentryFailed;

    constructor(TreasuryVault v, bytes32 payoutId) {
        vault = v;
        id = payoutId;
    }

    receive() external payable {
        try vault.payout(id, address(0), payable(address(this)), 1) {} catch {
            reentryFailed = true;
        }
    }
}

contract TreasuryVaultTest {
    VaultVm constant vm = VaultVm(address(uint160(uint256(keccak256("hevm cheat code")))));
    address relayer = address(0xBEEF);
    address grantee = address(0x6A17);
    address stranger = address(0x5);
    SynodToken token;
    TreasuryVault vault;

    function setUp() public {
        token = new SynodToken("T", "T", address(this));
        vault = new TreasuryVault(address(this), relayer);
        token.mint(address(vault), 1_000);
        vm.deal(address(vault), 5 ether);
    }

    function testTheRelayerPaysOutTokensAndNativeOnce() public {
        vm.prank(relayer);
        vault.payout(bytes32(uint256(1)), address(token), payable(grantee), 400);
        vm.prank(relayer);
        vault.payout(bytes32(uint256(2)), address(0), payable(grantee), 1 ether);
        require(token.balanceOf(grantee) == 400, "tokens paid");
        require(grantee.balance == 1 ether, "native paid");
        require(vault.paid(bytes32(uint256(1))) && vault.paid(bytes32(uint256(2))), "marked paid");
        require(vault.balanceOf(address(token)) == 600, "vault balance");
    }

    function testAPayoutIdCannotBePaidTwice() public {
        bytes32 id = keccak256("milestone-1");
        vm.prank(relayer);
        vault.payout(id, address(token), payable(grantee), 100);
        vm.prank(relayer);
        vm.expectRevert(abi.encodeWithSelector(TreasuryVault.AlreadyPaid.selector, id));
        vault.payout(id, address(token), payable(grantee), 100);
        require(token.balanceOf(grantee) == 100, "paid once");
    }

    function testOnlyTheRelayerPaysOut() public {
        bytes32 role = vault.RELAYER_ROLE();
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, role));
        vault.payout(bytes32(uint256(1)), address(token), payable(stranger), 1);
    }

    function testAnUnderfundedPayoutRevertsAndStaysPayable() public {
        bytes32 id = bytes32(uint256(9));
        vm.prank(relayer);
        vm.expectRevert(abi.encodeWithSelector(TreasuryVault.InsufficientBalance.selector, address(token), 1_000, 5_000));
        vault.payout(id, address(token), payable(grantee), 5_000);
        require(!vault.paid(id), "a reverted payout is not spent");
        token.mint(address(vault), 4_000);
        vm.prank(relayer);
        vault.payout(id, address(token), payable(grantee), 5_000);
        require(token.balanceOf(grantee) == 5_000, "paid after funding");
    }

    function testReentrancyCannotPayTheSameIdAgain() public {
        bytes32 id = bytes32(uint256(77));
        Reenterer r = new Reenterer(vault, id);
        vault.grantRole(vault.RELAYER_ROLE(), address(r));
        vm.prank(relayer);
        vault.payout(id, address(0), payable(address(r)), 1 ether);
        require(r.reentryFailed(), "reentry refused");
        require(address(r).balance == 1 ether, "paid once");
    }

    function testPausedVaultRefusesPayouts() public {
        vault.pause();
        vm.prank(relayer);
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        vault.payout(bytes32(uint256(3)), address(token), payable(grantee), 1);
        vault.unpause();
        vm.prank(relayer);
        vault.payout(bytes32(uint256(3)), address(token), payable(grantee), 1);
    }

    function testInvalidPayoutsAreRefused() public {
        vm.prank(relayer);
        vm.expectRevert(abi.encodeWithSelector(TreasuryVault.InvalidPayout.selector));
        vault.payout(bytes32(0), address(token), payable(grantee), 1);
        vm.prank(relayer);
        vm.expectRevert(abi.encodeWithSelector(TreasuryVault.InvalidPayout.selector));
        vault.payout(bytes32(uint256(4)), address(token), payable(grantee), 0);
    }

    function testOnlyTheAdminWithdraws() public {
        bytes32 admin = vault.DEFAULT_ADMIN_ROLE();
        vm.prank(relayer);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, relayer, admin));
        vault.withdraw(address(token), payable(relayer), 1);
        vault.withdraw(address(token), payable(stranger), 10);
        require(token.balanceOf(stranger) == 10, "withdrawn");
    }
}
