package dev.assay.server.pipeline.fleet;

import java.util.stream.StreamSupport;

import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.WebSession;
import tools.jackson.databind.JsonNode;

/** The workers list as an administrator reads it, through the API and signed in to the pages, for the fleet's tests. */
final class WorkersAsAdmin {

    private WorkersAsAdmin() {
    }

    /** The worker named {@code name} in the admin API's list; fails naming the list when it is not there. */
    static JsonNode listed(HttpApi admin, String name) {
        JsonNode all = admin.json("api/v1/admin/workers");
        return StreamSupport.stream(all.spliterator(), false).filter(worker -> worker.get("name").asString()
                .equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not in " + all));
    }

    /** A browser session of {@code user}, signed in with a password. */
    static WebSession signedIn(String serverUrl, String user, String password) {
        WebSession session = new WebSession(serverUrl);
        session.logIn(user, password);
        return session;
    }
}
