package dev.takeover.handover.policy;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.takeover.events.handover.HandoverRequested.Priority;

/** A customer attribute the channel carries (such as {@code vip=true}) that raises an escalation's priority. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BoostDefinition(String attribute, List<String> values, Priority priority, List<String> skills) {}
