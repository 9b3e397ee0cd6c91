package dev.takeover.webchat;

/** A signed identity that cannot be trusted; the message names what is wrong, never the identity's content. */
public class IdentityRefused extends Exception {

    public IdentityRefused(String reason) {
        super(reason);
    }
}
