package dev.assay.server.testing;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server (S3Proxy over jclouds' in-memory blob store) on a random port of 127.0.0.1, with
 * one bucket and signed requests; its settings for Assay, and a client of its own to look into the bucket.
 */
public final class ObjectStorageServer implements AutoCloseable {

    private static final String ACCESS_KEY = "assay-tests";
    private static final String SECRET_KEY = "assay-tests-secret";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final S3Client client;
    private final String bucket;
    private final URI endpoint;

    private ObjectStorageServer(String bucket) throws Exception {
        this.bucket = bucket;
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .overrides(new Properties()).build(BlobStoreContext.class);
        context.getBlobStore().createContainerInLocation(null, bucket);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.onSpinWait();
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        client = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .endpointOverride(endpoint).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
    }

    /** A started server with the bucket. */
    public static ObjectStorageServer start(String bucket) {
        try {
            return new ObjectStorageServer(bucket);
        } catch (Exception failure) {
            throw new IllegalStateException("could not start S3Proxy", failure);
        }
    }

    /** Assay's settings to keep its files in this server's bucket under {@code prefix}. */
    public Map<String, Object> settings(String prefix) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("assay.storage.kind", "s3");
        settings.put("assay.storage.bucket", bucket);
        settings.put("assay.storage.prefix", prefix);
        settings.put("assay.storage.endpoint", endpoint.toString());
        settings.put("assay.storage.access-key", ACCESS_KEY);
        settings.put("assay.storage.secret-key", SECRET_KEY);
        return settings;
    }

    /** The keys of the bucket that start with {@code start}. */
    public List<String> keys(String start) {
        return client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(start)).contents().stream()
                .map(S3Object::key).toList();
    }

    /** The bytes of the object {@code key}. */
    public byte[] read(String key) {
        return client.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
    }

    /** Writes an object directly, as a server that died before committing would leave it. */
    public void write(String key, byte[] bytes) {
        client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.stop();
        context.close();
    }
}
