package io.synod.voting.service;

import java.time.Instant;
import java.util.List;

/** What a counted vote looks like to anyone auditing the proposal (signed ballots and relayed votes alike). */
public record BallotReceipt(long id, String proposalId, long chainId, String voter, Integer support,
                            List<Integer> choices, String weight, String source, String finality, boolean counted,
                            String reason, Long nonce, String signature, Long blockNumber, String txHash,
                            Long logIndex, Instant receivedAt) {}
