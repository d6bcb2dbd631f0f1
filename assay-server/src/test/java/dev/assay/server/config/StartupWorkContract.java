package dev.assay.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.util.ClassUtils;

import dev.assay.server.storage.ScratchSpace;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/**
 * Beans are created when first needed, so what a start must do is checked here, before any request: the scheduled
 * jobs are scheduled, the listeners of the server's readiness ran, the lifecycle beans run, the servlets and filters,
 * health checks, settings and the migrations exist, and the features' meters are published. Run once per database.
 */
abstract class StartupWorkContract {

    @TempDir
    Path data;
    TestDatabase database;

    abstract String databaseKind();

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyStartUpJobIsDoneBeforeTheFirstRequest() {
        database = TestDatabase.of(databaseKind(), data);
        try (TestServer server = TestServer.start(data, database, Map.of(), Beans.class)) {
            ConfigurableListableBeanFactory beans = server.bean(Beans.class).factory;
            List<String> startUpWork = new ArrayList<>();
            for (String name : beans.getBeanDefinitionNames()) {
                Class<?> type = beans.getType(name, false);
                if (type != null && !beans.getBeanDefinition(name).isAbstract() && doesStartUpWork(type)) {
                    startUpWork.add(name);
                }
            }

            assertThat(startUpWork).as("the beans doing start-up work are found").contains("outboxSender",
                    "backgroundPasses", "storedFilesCheck", "inProcessWorkers", "flywayInitializer", "gitServlet",
                    "writes");
            assertThat(startUpWork).as("made at start").allMatch(beans::containsSingleton);
            assertThat(beans.getBeanNamesForType(ScratchSpace.class)).as("the scratch folder was cleared at start")
                    .allMatch(beans::containsSingleton);
            Set<String> scheduled = scheduledJobs(beans);
            startUpWork.stream().map(beans::getType).filter(type -> hasMethod(type, Scheduled.class))
                    .map(type -> ClassUtils.getUserClass(type).getName())
                    .forEach(type -> assertThat(scheduled).as("%s's @Scheduled jobs are scheduled", type)
                            .anyMatch(job -> job.startsWith(type + ".")));
            for (SmartLifecycle running : beans.getBeansOfType(SmartLifecycle.class, false, false).values()) {
                assertThat(running.isRunning() || !running.isAutoStartup()).as("%s runs", running).isTrue();
            }
            assertThat(HttpApi.anonymous(server.url()).get("actuator/prometheus").body())
                    .as("the features' meters are published from the start")
                    .contains("assay_index_metadata_requests_total", "assay_mail_sent_total");
        }
    }

    private static boolean doesStartUpWork(Class<?> beanType) {
        Class<?> type = ClassUtils.getUserClass(beanType);
        return hasMethod(type, Scheduled.class) || listensToReadiness(type)
                || SmartLifecycle.class.isAssignableFrom(type)
                || ServletContextInitializer.class.isAssignableFrom(type)
                || HealthContributor.class.isAssignableFrom(type)
                || FlywayMigrationInitializer.class.isAssignableFrom(type)
                || AnnotatedElementUtils.hasAnnotation(type, ConfigurationProperties.class);
    }

    private static boolean listensToReadiness(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            EventListener listener = AnnotatedElementUtils.findMergedAnnotation(method, EventListener.class);
            if (listener != null && (Arrays.asList(listener.classes()).contains(ApplicationReadyEvent.class)
                    || Arrays.asList(method.getParameterTypes()).contains(ApplicationReadyEvent.class))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMethod(Class<?> type, Class<Scheduled> annotation) {
        return Arrays.stream(ClassUtils.getUserClass(type).getDeclaredMethods())
                .anyMatch(method -> AnnotatedElementUtils.hasAnnotation(method, annotation));
    }

    // a scheduled method's job is named by its class and method, e.g. dev.assay.server.notify.OutboxSender.poll
    private static Set<String> scheduledJobs(ConfigurableListableBeanFactory beans) {
        return beans.getBeansOfType(ScheduledTaskHolder.class, false, false).values().stream()
                .flatMap(holder -> holder.getScheduledTasks().stream()).map(ScheduledTask::toString)
                .collect(Collectors.toSet());
    }

    /** The server's bean factory, for looking at which beans exist. */
    static class Beans implements BeanFactoryAware {

        ConfigurableListableBeanFactory factory;

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            this.factory = (ConfigurableListableBeanFactory) beanFactory;
        }
    }
}
