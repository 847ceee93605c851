// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SynodToken} from "../src/SynodToken.sol";
import {VotesLens} from "../src/VotesLens.sol";

interface Vm {
    function warp(uint256) external;
}

/// forge-std is not available here: the few cheatcodes needed are declared above.
contract VotesLensTest {
    Vm constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    function testReadsEveryAccountsCheckpointAtTheTimepoint() public {
        vm.warp(1_000);
        SynodToken token = new SynodToken("T", "T", address(this));
        address a = address(0xA11CE);
        address b = address(0xB0B);
        token.mint(address(this), 300);
        token.delegate(address(this));
        vm.warp(1_010);
        token.transfer(a, 100); // a never delegated: 0 votes
        vm.warp(1_020);

        address[] memory accounts = new address[](3);
        accounts[0] = address(this);
        accounts[1] = a;
        accounts[2] = b;
        bytes memory code = abi.encodePacked(type(VotesLens).creationCode, abi.encode(token, uint256(1_005), accounts));
        uint256[] memory votes = abi.decode(run(code), (uint256[]));
        require(votes.length == 3, "length");
        require(votes[0] == 300, "votes before the transfer");
        require(votes[1] == 0 && votes[2] == 0, "no delegation, no votes");
    }

    /// Runs creation code and returns what the constructor returned, as an eth_call without `to` does:
    /// a constructor's return data becomes the created account's code.
    function run(bytes memory code) internal returns (bytes memory) {
        address created;
        assembly {
            created := create(0, add(code, 32), mload(code))
        }
        require(created != address(0), "lens reverted");
        return created.code;
    }
}
