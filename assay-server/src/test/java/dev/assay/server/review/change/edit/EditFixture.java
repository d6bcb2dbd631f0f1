package dev.assay.server.review.change.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.review.change.ChangeRequest;
import dev.assay.server.review.change.ChangeRequestRepository;
import dev.assay.server.review.change.Revision;
import dev.assay.server.testing.ForgeFixture;
import dev.assay.server.testing.HttpApi;

/**
 * The forge's server and people; each test gets a new project of owner olive (maintainer max; sam and tom have no
 * role) whose main branch holds a few files.
 */
abstract class EditFixture extends ForgeFixture {

    /** Windows line endings and no final newline: kept so by every edit. */
    static final String CALC = "X = 1\r\nY = 2\r\nZ = 3";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A new project of olive's, max its maintainer, with README.md, src/calc.py and a binary file on main. */
    String newProject() {
        String project = "edit-" + databaseKind() + "-" + SEQUENCE.incrementAndGet();
        HttpApi olive = api("olive");
        assertThat(olive.post("api/v1/projects", "{\"name\":\"" + project + "\"}").statusCode()).isEqualTo(201);
        assertThat(olive.put("api/v1/projects/" + project + "/roles/max", "{\"role\":\"maintainer\"}").statusCode())
                .isEqualTo(200);
        Path work = scratch.resolve(project);
        git.run(scratch, "init", "-q", work.toString()).succeeded();
        git.commit(work, "README.md", "hello\n", "Readme");
        git.commit(work, "src/calc.py", CALC, "Calculator");
        try {
            Files.write(work.resolve("logo.bin"), new byte[] {1, 0, 2, 0});
        } catch (IOException failure) {
            throw new AssertionError(failure);
        }
        git.run(work, "add", "logo.bin").succeeded();
        git.run(work, "commit", "-q", "-m", "Logo").succeeded();
        String token = server.bean(TokenService.class)
                .create(new NewToken("olive", "edit test", project, Set.of(TokenScope.PUSH))).secret();
        git.run(work, "push", "-q", "http://__token__:" + token + "@127.0.0.1:" + server.port() + "/git/" + project
                + ".git", "HEAD:refs/heads/main").succeeded();
        return project;
    }

    /** A fresh clone of the project with every branch fetched. */
    Path cloned(String project) {
        Path directory = scratch.resolve(project + "-clone-" + SEQUENCE.incrementAndGet());
        git.run(scratch, "clone", "-q", server.url() + "git/" + project + ".git", directory.toString()).succeeded();
        return directory;
    }

    /** The bytes of a file at a ref of the server's repository, fetched with git and shown with git show. */
    String fetched(String project, String ref, String path) {
        Path clone = cloned(project);
        git.run(clone, "fetch", "-q", "origin", ref).succeeded();
        return git.run(clone, "show", "FETCH_HEAD:" + path).succeeded().output();
    }

    /** The number in a /changes/N address a form redirected to. */
    static long changeNumber(HttpResponse<String> response) {
        String path = response.uri().getPath();
        assertThat(path).as(response.body()).matches("/changes/\\d+");
        return Long.parseLong(path.substring("/changes/".length()));
    }

    ChangeRequest changeRequest(long number) {
        return server.bean(ChangeRequestRepository.class).find(number).orElseThrow();
    }

    List<Revision> revisions(long number) {
        return server.bean(ChangeRequestRepository.class).revisions(number);
    }
}
