package org.rulestead.web.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.rulestead.environments.EnvironmentCatalog;

/** {@code /api/v1/admin/environments}: the environments and whether each is protected. */
@Path("v1/admin/environments")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class EnvironmentsResource {

    private EnvironmentCatalog environments;

    protected EnvironmentsResource() {}

    @Inject
    public EnvironmentsResource(EnvironmentCatalog environments) {
        this.environments = environments;
    }

    @GET
    public JsonObject list() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        environments.list().forEach(environment -> {
            JsonObjectBuilder item =
                    Json.createObjectBuilder().add("key", environment.key()).add("name", environment.name());
            if (environment.description() != null) {
                item.add("description", environment.description());
            } else {
                item.addNull("description");
            }
            items.add(item.add("protected", environment.protectedEnvironment()));
        });
        return Json.createObjectBuilder().add("items", items).build();
    }
}
