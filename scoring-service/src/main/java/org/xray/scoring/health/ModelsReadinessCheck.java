package org.xray.scoring.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.xray.scoring.model.ModelRegistry;

/** Not ready until the models published before start-up are loaded: until then no image can be scored. */
@Readiness
@ApplicationScoped
public class ModelsReadinessCheck implements HealthCheck {

    private final ModelRegistry registry;

    public ModelsReadinessCheck(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("models").status(registry.isCaughtUp())
                .withData("served", registry.served().size())
                .withData("refused", registry.refusals().size()).build();
    }
}
