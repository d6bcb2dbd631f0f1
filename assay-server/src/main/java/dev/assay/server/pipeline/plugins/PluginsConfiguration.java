package dev.assay.server.pipeline.plugins;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.assay.server.config.AssayProperties;
import dev.assay.server.pipeline.workers.DefaultPipelineTasks;

/** The server's {@link TaskCatalog}: the built-ins and the jars of its plugins folder. */
@Configuration(proxyBeanMethods = false)
public class PluginsConfiguration {

    @Bean(destroyMethod = "close")
    TaskCatalog taskCatalog(PluginProperties plugins, AssayProperties assay) {
        return TaskCatalog.load(DefaultPipelineTasks.declared(), plugins.folder(assay));
    }
}
