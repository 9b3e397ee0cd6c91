package dev.takeover.infrastructure;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * A "service" for {@link ServiceProcessTest}: it starts a child process, as a service's wrapper script might, and then
 * neither answers HTTP nor exits.
 */
public final class NeverReady {

    private NeverReady() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        new ProcessBuilder("sleep", "600").start();
        new CountDownLatch(1).await();
    }
}
