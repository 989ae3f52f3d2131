package org.xray.trainer.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.xray.contracts.events.ModelManifest;
import org.xray.trainer.messaging.ModelPublisher;

/** Makes an earlier model version current again by publishing its manifest anew. */
@Path("/api/v1/rollbacks")
public class RollbackResource {

    private final ModelPublisher publisher;

    public RollbackResource(ModelPublisher publisher) {
        this.publisher = publisher;
    }

    /** @param model e.g. {@code fanogan/XR_HAND} */
    public record Rollback(String model, String version) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ModelManifest rollback(Rollback rollback) {
        if (rollback == null || rollback.model() == null || rollback.version() == null) {
            throw new IllegalArgumentException("a JSON body {\"model\": ..., \"version\": ...} is required");
        }
        return publisher.rollback(rollback.model(), rollback.version());
    }
}
