package dev.takeover.handover.waiting;

/** The {@code purpose} of each system notice, so channels and the transcript can tell them apart. */
public final class NoticePurpose {

    public static final String HANDOVER_NOTICE = "HANDOVER_NOTICE";
    public static final String QUEUE_UPDATE = "QUEUE_UPDATE";
    public static final String AGENT_JOINED = "AGENT_JOINED";
    public static final String OUT_OF_HOURS = "OUT_OF_HOURS";
    public static final String CALLBACK_OFFER = "CALLBACK_OFFER";
    public static final String FOLLOW_UP_CONFIRMED = "FOLLOW_UP_CONFIRMED";
    public static final String REQUEUED = "REQUEUED";
    public static final String TRANSFER = "TRANSFER";
    public static final String RESOLVED = "RESOLVED";
    public static final String HAND_BACK = "HAND_BACK";
    public static final String INCIDENT_NOTICE = "INCIDENT_NOTICE";
    public static final String INCIDENT_RESOLVED = "INCIDENT_RESOLVED";
    public static final String ABANDONED = "ABANDONED";

    private NoticePurpose() {}
}
