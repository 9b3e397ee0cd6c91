package dev.takeover.transcript.read;

/** Who is reading, from their bearer token: {@code upn} is the agent id, the {@code supervisor} group reads all. */
public record Reader(String agentId, boolean supervisor) {}
