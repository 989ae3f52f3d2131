package org.xray.trainer.rest;

import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.xray.trainer.service.TrainingJobSpec;
import org.xray.trainer.service.TrainingJobStatus;
import org.xray.trainer.service.TrainingJobs;

/** Training jobs: submit, follow, cancel. One runs at a time; the others wait in submission order. */
@Path("/api/v1/training-jobs")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingJobResource {

    private final TrainingJobs jobs;

    public TrainingJobResource(TrainingJobs jobs) {
        this.jobs = jobs;
    }

    /** 202 with the queued job and its {@code Location}; 400 when the spec or dataset is unusable; 429 when full. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(TrainingJobSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("a JSON body with at least \"dataset\" is required");
        }
        TrainingJobStatus job = jobs.submit(spec);
        return Response.accepted(job).location(URI.create("/api/v1/training-jobs/" + job.id())).build();
    }

    @GET
    public List<TrainingJobStatus> list() {
        return jobs.all();
    }

    @GET
    @Path("{id}")
    public TrainingJobStatus get(@PathParam("id") String id) {
        return jobs.find(id).orElseThrow(() -> new NoSuchElementException("no training job " + id));
    }

    /** 202: a waiting job is cancelled at once, a running one at its next iteration; poll GET for the outcome. */
    @DELETE
    @Path("{id}")
    public Response cancel(@PathParam("id") String id) {
        return Response.accepted(jobs.cancel(id)).build();
    }
}
