package io.synod.treasury.service;

/**
 * Who is asking: the subject of a verified bearer token and whether it holds the admin role. Grantees are
 * not actors of this kind: they prove themselves with signatures.
 */
public record Actor(String subject, boolean admin) {}
