package dev.assay.server.cli;

import java.util.Map;

/** The upstream options of the launcher on the embedded default. */
class UpstreamLauncherOnH2IT extends UpstreamLauncherContract {
    @Override
    Map<String, String> databaseEnvironment() {
        return Map.of();
    }
}
