package dev.assay.server.cli;

import java.util.Map;

/** The launcher on the embedded default: nothing configured but the data directory. */
class LauncherOnH2IT extends LauncherContract {
    @Override
    Map<String, String> databaseEnvironment() {
        return Map.of();
    }
}
