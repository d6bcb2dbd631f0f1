package dev.assay.server.git;

import java.util.Optional;

import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.http.server.resolver.AsIsFileService;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.eclipse.jgit.transport.UploadPack;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.git.maintenance.GitMaintenance;
import dev.assay.server.git.maintenance.MaintenanceSettings;
import dev.assay.server.git.protection.BranchProtection;
import dev.assay.server.git.push.ProposedChanges;
import dev.assay.server.git.push.PushAccess;
import dev.assay.server.git.push.PushChecks;
import dev.assay.server.git.push.PushPackFactory;
import dev.assay.server.git.push.PushRecorder;
import dev.assay.server.git.push.PushRefusalFilter;
import dev.assay.server.git.push.PushSite;
import dev.assay.server.index.ProjectService;

/**
 * Git's smart HTTP protocol at {@code /git/*}, served by JGit's {@code GitServlet} with Assay's own
 * repository resolver and push policy; the dumb protocol is off. Authentication happens before, in the
 * {@code /git/**} security chain.
 */
@Configuration
@ConditionalOnWebApplication
class GitServletConfiguration {

    /** The path every git URL starts with. */
    static final String PREFIX = "/git";

    @Bean
    ProjectRepositoryResolver projectRepositoryResolver(ProjectService projects, GitRepositories repositories,
            CallerResolver callers) {
        return new ProjectRepositoryResolver(projects, repositories, callers);
    }

    @Bean
    ServletRegistrationBean<GitServlet> gitServlet(ProjectRepositoryResolver resolver, CallerResolver callers,
            PushAccess access, BranchProtection protection, PushRecorder recorder, PushChecks checks,
            ObjectProvider<ProposedChanges> proposals, PushSite site, GitMaintenance maintenance,
            MaintenanceSettings settings) {
        installPackCache(settings);
        GitServlet servlet = new QuietRefusalsGitServlet();
        servlet.setRepositoryResolver(resolver);
        servlet.setAsIsFileService(AsIsFileService.DISABLED);
        // whoever reaches JGit may read: GitReadFilter and the resolver turned away the others
        servlet.setUploadPackFactory((request, repository) -> new UploadPack(repository));
        servlet.setReceivePackFactory(new PushPackFactory(callers, access, protection, recorder, checks,
                Optional.ofNullable(proposals.getIfAvailable()), site, maintenance));
        ServletRegistrationBean<GitServlet> registration = new ServletRegistrationBean<>(servlet, PREFIX + "/*");
        registration.setName("git");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * Sizes JGit's cache of pack windows, shared by every repository (JGit's default of 10 MB in 8 KB windows
     * rereads a clone's pack several times): larger windows, fewer reads, within the configured bytes.
     */
    private static void installPackCache(MaintenanceSettings settings) {
        WindowCacheConfig cache = new WindowCacheConfig();
        cache.setPackedGitLimit(settings.packCache().toBytes());
        cache.setPackedGitWindowSize(64 * WindowCacheConfig.KB);
        cache.setDeltaBaseCacheLimit((int) Math.min(settings.packCache().toBytes() / 4, Integer.MAX_VALUE));
        cache.install();
    }

    /** Runs after Spring Security's filters (order -100), so the caller is known, and before the push checks. */
    @Bean
    FilterRegistrationBean<GitReadFilter> gitReadFilter(ProjectRepositoryResolver resolver, ProjectService projects) {
        FilterRegistrationBean<GitReadFilter> registration = new FilterRegistrationBean<>(
                new GitReadFilter(resolver, projects));
        registration.addUrlPatterns(PREFIX + "/*");
        registration.setOrder(-1);
        return registration;
    }

    /** Runs after Spring Security's filters (order -100), so the caller is known. */
    @Bean
    FilterRegistrationBean<PushRefusalFilter> pushRefusalFilter(ProjectRepositoryResolver resolver,
            CallerResolver callers, PushAccess access) {
        FilterRegistrationBean<PushRefusalFilter> registration = new FilterRegistrationBean<>(
                new PushRefusalFilter(resolver, callers, access));
        registration.addUrlPatterns(PREFIX + "/*");
        registration.setOrder(0);
        return registration;
    }
}
