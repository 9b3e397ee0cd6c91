package dev.takeover.agent.api;

import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.takeover.agent.queue.QueueReport;
import dev.takeover.agent.queue.QueueReport.QueueItem;
import dev.takeover.common.http.Roles;

@Path("/queue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Queue", description = "The queue, for supervisors")
public class QueueResource {

    private final QueueReport report;

    QueueResource(QueueReport report) {
        this.report = report;
    }

    @GET
    @Operation(
            summary = "Conversations waiting or offered, in serving order, with position and expected wait",
            description = "Serving order: priority, then waiting time. A position counts the conversations ahead that"
                    + " compete for the same agents online.")
    public List<QueueItem> queue() {
        return report.now();
    }
}
