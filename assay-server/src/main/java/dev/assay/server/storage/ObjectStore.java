package dev.assay.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The configured S3-compatible bucket ({@link ObjectStorageSettings}), by names under its prefix. A failure of the
 * bucket is an {@link IOException} naming the bucket and the object, as a failing disk would be.
 */
@Component
@ConditionalOnProperty(prefix = "assay.storage", name = "kind", havingValue = ObjectStorageSettings.S3)
public class ObjectStore implements DisposableBean {

    private final ObjectStorageSettings settings;
    private final S3Client client;

    ObjectStore(ObjectStorageSettings settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("assay.storage.kind is s3 but no bucket is set: set assay.storage.bucket "
                    + "(ASSAY_STORAGE_BUCKET)");
        }
        this.settings = settings;
        this.client = client(settings);
        try {
            client.headBucket(request -> request.bucket(settings.bucket()));
        } catch (SdkException failure) {
            client.close();
            throw new IllegalStateException("cannot reach the bucket " + describe() + ": " + failure.getMessage()
                    + " (check assay.storage.bucket, endpoint, region and the credentials)", failure);
        }
    }

    private static S3Client client(ObjectStorageSettings settings) {
        S3ClientBuilder builder = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region())).credentialsProvider(credentials(settings))
                // checksums only where S3 requires them: many S3-compatible servers refuse the newer trailers
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) {
            // S3-compatible servers on an address of their own seldom have a DNS name per bucket
            builder.endpointOverride(settings.endpoint()).forcePathStyle(true);
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(ObjectStorageSettings settings) {
        if (settings.accessKey() == null || settings.secretKey() == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                settings.secretKey()));
    }

    /** The bucket and prefix, for messages. */
    public String describe() {
        return describe("");
    }

    /** A folder of the bucket under the prefix, for messages. */
    public String describe(String folder) {
        String where = settings.endpoint() == null ? "" : " at " + settings.endpoint();
        return "s3://" + settings.bucket() + "/" + settings.key(folder) + where;
    }

    /** Writes the file's bytes as the object {@code name}, replacing any; the object is whole once this returns. */
    public void put(String name, Path file) throws IOException {
        long size = Files.size(file);
        call(name, () -> client.putObject(request -> request.bucket(settings.bucket()).key(settings.key(name))
                .contentLength(size), RequestBody.fromFile(file)));
    }

    /** Copies the object {@code name} to {@code target} (replaced); false if there is no such object. */
    public boolean get(String name, Path target) throws IOException {
        Files.deleteIfExists(target);
        try {
            call(name, () -> client.getObject(request -> request.bucket(settings.bucket()).key(settings.key(name)),
                    ResponseTransformer.toFile(target)));
            return true;
        } catch (Missing missing) {
            Files.deleteIfExists(target);
            return false;
        }
    }

    /**
     * Copies the object {@code name} to {@code target} through a temporary file beside it, so a reader of
     * {@code target} sees the whole file or none; false (and {@code target} untouched) if there is no such object.
     */
    public boolean fetch(String name, Path target) throws IOException {
        Path download = Files.createDirectories(target.getParent()).resolve(".download-" + UUID.randomUUID());
        try {
            if (!get(name, download)) {
                return false;
            }
            Files.move(download, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } finally {
            Files.deleteIfExists(download);
        }
    }

    /** Whether the object {@code name} exists. */
    public boolean exists(String name) throws IOException {
        try {
            call(name, () -> client.headObject(request -> request.bucket(settings.bucket()).key(settings.key(name))));
            return true;
        } catch (Missing missing) {
            return false;
        }
    }

    /** Removes the object {@code name} if it exists. */
    public void delete(String name) throws IOException {
        call(name, () -> client.deleteObject(request -> request.bucket(settings.bucket()).key(settings.key(name))));
    }

    /** Every object whose name starts with {@code start}. */
    public List<StoredObject> list(String start) throws IOException {
        List<StoredObject> objects = new ArrayList<>();
        for (S3Object object : call(start, () -> client.listObjectsV2Paginator(listing(start).build()).contents()
                .stream().toList())) {
            objects.add(new StoredObject(settings.name(object.key()), object.lastModified()));
        }
        return objects;
    }

    /** The next folder names below {@code folder} (which ends with a slash), as {@code ls} would list them. */
    public List<String> folders(String folder) throws IOException {
        List<String> names = new ArrayList<>();
        for (CommonPrefix common : call(folder, () -> client.listObjectsV2Paginator(listing(folder).delimiter("/")
                .build()).commonPrefixes().stream().toList())) {
            String name = settings.name(common.prefix()).substring(folder.length());
            names.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
        }
        return names;
    }

    /** Removes every object whose name starts with {@code start}. */
    public void deleteAll(String start) throws IOException {
        for (StoredObject object : list(start)) {
            delete(object.name());
        }
    }

    private ListObjectsV2Request.Builder listing(String start) {
        return ListObjectsV2Request.builder().bucket(settings.bucket()).prefix(settings.key(start));
    }

    private <T> T call(String name, Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (NoSuchKeyException missing) {
            throw new Missing(name);
        } catch (S3Exception failure) {
            // a HEAD has no body to name the error: its 404 alone says the object is missing
            if (failure.statusCode() == 404) {
                throw new Missing(name);
            }
            throw failed(name, failure);
        } catch (SdkException | UncheckedIOException failure) {
            throw failed(name, failure);
        }
    }

    private IOException failed(String name, Exception failure) {
        return new IOException("object storage " + describe() + " failed on " + name + ": " + failure.getMessage(),
                failure);
    }

    /** The object asked for does not exist. */
    private static final class Missing extends IOException {
        Missing(String name) {
            super("no object " + name);
        }
    }

    @Override
    public void destroy() {
        client.close();
    }

    /** One request to the bucket. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }
}
