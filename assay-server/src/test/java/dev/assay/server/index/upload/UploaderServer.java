package dev.assay.server.index.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/** A server on H2 with upload limits of the test's choosing and one user, {@code uploader}, with an upload token. */
record UploaderServer(Path data, Path work, TestDatabase database, TestServer server, String token)
        implements AutoCloseable {

    static UploaderServer start(Path temporary, Map<String, Object> properties) throws IOException {
        Path data = Files.createDirectories(temporary.resolve("data"));
        Path work = Files.createDirectories(temporary.resolve("work"));
        TestDatabase database = TestDatabase.h2(data);
        TestServer server = TestServer.start(data, database, properties);
        server.bean(AccountService.class).create(new NewUser("uploader", "u@example.org", "", "long password", Set.of()));
        String token = server.bean(TokenService.class)
                .create(new NewToken("uploader", "", null, Set.of(TokenScope.UPLOAD))).secret();
        return new UploaderServer(data, work, database, server, token);
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
