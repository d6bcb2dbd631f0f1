package dev.assay.server.cli;

import java.time.Clock;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.assay.server.accounts.AccountsWithoutWeb;
import dev.assay.server.config.AssayProperties;
import dev.assay.server.pipeline.PipelineProperties;
import dev.assay.server.pipeline.plugins.PluginProperties;
import dev.assay.server.pipeline.plugins.PluginsConfiguration;
import dev.assay.server.pipeline.plugins.TaskSwitchRepository;
import dev.assay.server.pipeline.plugins.TaskSwitches;

/**
 * What an admin command starts: the database (migrated by Flyway), the accounts services and the task switches — no
 * component scan, no web server, no workers, no auto-configuration it does not use, so that it starts fast. Not a
 * {@code @Configuration}, so that the server's component scan leaves it out.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        FlywayAutoConfiguration.class})
@Import({AccountsWithoutWeb.class, PluginsConfiguration.class, TaskSwitchRepository.class, TaskSwitches.class})
@EnableConfigurationProperties({AssayProperties.class, PluginProperties.class, PipelineProperties.class})
class AdminCommandApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
