package dev.assay.server.storage;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where distribution files and kept raw data live ({@code assay.storage.*}, {@code ASSAY_STORAGE_*}): {@code kind}
 * {@code local} (the default: under the data directory) or {@code s3} (an S3-compatible bucket, with an optional
 * key prefix, endpoint and region; the access key and secret are read from the environment, or the AWS SDK's
 * default credentials are used when they are not set).
 */
@ConfigurationProperties("assay.storage")
public record ObjectStorageSettings(
        @DefaultValue("local") String kind,
        String bucket,
        @DefaultValue("") String prefix,
        URI endpoint,
        @DefaultValue("us-east-1") String region,
        String accessKey,
        String secretKey) {

    /** The kind of storage that keeps the files in a bucket. */
    public static final String S3 = "s3";

    /** The bucket's key of a name under the configured prefix. */
    public String key(String name) {
        if (prefix.isEmpty()) {
            return name;
        }
        return prefix.endsWith("/") ? prefix + name : prefix + "/" + name;
    }

    /** The name of a key under the configured prefix. */
    public String name(String key) {
        return key.substring(key("").length());
    }
}
