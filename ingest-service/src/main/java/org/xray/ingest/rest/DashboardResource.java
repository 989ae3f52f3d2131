package org.xray.ingest.rest;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.xray.contracts.RejectionReason;
import org.xray.ingest.config.IngestConfig;
import org.xray.ingest.dashboard.FeedItem;
import org.xray.ingest.dashboard.ImageTrace;
import org.xray.ingest.dashboard.ModelCatalog;
import org.xray.ingest.dashboard.OriginalPreview;
import org.xray.ingest.dashboard.PipelineActivity;
import org.xray.ingest.service.ImageRejectedException;

import io.smallrye.mutiny.Multi;

/** The web app's API (docs/web-app.md): what the pipeline did with each image, a live feed, the model versions. */
@Path("/api/v1/dashboard")
public class DashboardResource {

    // Proxies and load balancers close connections that stay silent; an SSE comment keeps the feed open.
    private static final Duration KEEPALIVE = Duration.ofSeconds(15);

    private final PipelineActivity activity;
    private final ModelCatalog models;
    private final ObjectMapper json;
    private final int maxImageBytes;

    public DashboardResource(PipelineActivity activity, ModelCatalog models, ObjectMapper json, IngestConfig config) {
        this.activity = activity;
        this.models = models;
        this.json = json;
        this.maxImageBytes = config.maxImageBytes();
    }

    @GET
    @Path("/images/{imageId}")
    @Produces(MediaType.APPLICATION_JSON)
    public ImageTrace image(@PathParam("imageId") String imageId) {
        return activity.image(imageId).orElseThrow(() -> new NotFoundException(
                "image " + imageId + " has not been seen on the pipeline's topics yet (or was forgotten)"));
    }

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    public PipelineActivity.Summary summary() {
        return activity.summary();
    }

    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ModelCatalog.ModelVersion> models() {
        return models.versions();
    }

    @GET
    @Path("/feed")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> feed(@Context Sse sse) {
        Multi<OutboundSseEvent> items = activity.feed().map(item -> sse.newEventBuilder()
                .name(item.kind()).mediaType(MediaType.APPLICATION_JSON_TYPE).data(toJson(item)).build());
        // The first comment goes out at once: the response (and its headers) starts with the first item.
        Multi<OutboundSseEvent> keepalive = Multi.createBy().concatenating().streams(
                Multi.createFrom().item(0L), Multi.createFrom().ticks().every(KEEPALIVE))
                .map(tick -> sse.newEventBuilder().comment("keepalive").build());
        return Multi.createBy().merging().streams(items, keepalive);
    }

    @POST
    @Path("/previews")
    @Consumes(MediaType.WILDCARD)
    @Produces("image/png")
    public byte[] preview(byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > maxImageBytes) {
            throw new ImageRejectedException(RejectionReason.OVERSIZE, "the file has " + bytes.length
                    + " bytes; previews, like uploads, take at most " + maxImageBytes);
        }
        return OriginalPreview.png(bytes);
    }

    private String toJson(FeedItem item) {
        try {
            return json.writerFor(FeedItem.class).writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("feed item " + item + " cannot be written as JSON", e);
        }
    }
}
