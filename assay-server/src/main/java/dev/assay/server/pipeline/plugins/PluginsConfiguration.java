package dev.assay.server.pipeline.plugins;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.assay.server.config.AssayProperties;
import dev.assay.server.pipeline.PipelineProperties;
import dev.assay.server.pipeline.workers.DefaultPipelineTasks;
import dev.assay.tasks.sandbox.Sandbox;

/** The server's {@link TaskCatalog}: the built-ins, the jars of its plugins folder and its command tasks. */
@Configuration(proxyBeanMethods = false)
public class PluginsConfiguration {

    @Bean(destroyMethod = "close")
    TaskCatalog taskCatalog(PluginProperties plugins, AssayProperties assay, PipelineProperties pipeline) {
        return TaskCatalog.load(DefaultPipelineTasks.declared(), plugins.folder(assay), plugins.commandTasks(),
                new SandboxCommandRunner(Sandbox::probe, pipeline.limits().toSandboxLimits()));
    }
}
