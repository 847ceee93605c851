package io.synod.events;

/**
 * A budget allocation a treasury proposal carries: once the proposal is executed, {@code amount} of
 * {@code asset} on {@code chainId} funds the DAO's envelope for {@code period} and {@code category}.
 *
 * @param chainId  the chain the money is on
 * @param asset    {@code native} or an ERC-20 token address (lower case)
 * @param category e.g. {@code grants}, {@code ecosystem}, {@code operations}
 * @param amount   base units (uint256 decimal)
 * @param period   a quarter, e.g. {@code 2027-Q1}
 */
public record Allocation(long chainId, String asset, String category, String amount, String period) {}
