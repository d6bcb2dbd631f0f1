package dev.assay.server.git;

import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.http.server.resolver.AsIsFileService;
import org.eclipse.jgit.transport.UploadPack;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.assay.server.accounts.CallerResolver;
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
    ProjectRepositoryResolver projectRepositoryResolver(ProjectService projects, GitRepositories repositories) {
        return new ProjectRepositoryResolver(projects, repositories);
    }

    @Bean
    ServletRegistrationBean<GitServlet> gitServlet(ProjectRepositoryResolver resolver, CallerResolver callers,
            PushAccess access, BranchProtection protection, PushRecorder recorder) {
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver(resolver);
        servlet.setAsIsFileService(AsIsFileService.DISABLED);
        // every project is public: anyone may clone and fetch
        servlet.setUploadPackFactory((request, repository) -> new UploadPack(repository));
        servlet.setReceivePackFactory(new PushPackFactory(callers, access, protection, recorder));
        ServletRegistrationBean<GitServlet> registration = new ServletRegistrationBean<>(servlet, PREFIX + "/*");
        registration.setName("git");
        registration.setLoadOnStartup(1);
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
