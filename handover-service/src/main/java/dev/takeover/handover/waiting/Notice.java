package dev.takeover.handover.waiting;

/** A system notice to the customer: its purpose (see {@link NoticePurpose}) and its text in their language. */
public record Notice(String purpose, String text) {}
