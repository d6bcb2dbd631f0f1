package dev.assay.server.upstream.fetch;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.assay.server.upstream.UpstreamFile;

/**
 * Reads a PEP 691 JSON project page (with PEP 700's upload-time and size, PEP 592's yanked and PEP 714's
 * core-metadata, or the older dist-info-metadata). A value of the wrong type fails the page: such a page is not
 * trusted in part.
 */
final class JsonPages {

    private JsonPages() {
    }

    static List<UpstreamFile> parse(JsonMapper json, URI page, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException invalid) {
            throw new MalformedPageException("it is not valid JSON (" + firstLine(invalid.getOriginalMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPageException("its JSON is not an object");
        }
        String version = root.path("meta").path("api-version").asString("");
        if (!version.startsWith("1.")) {
            throw new MalformedPageException("meta.api-version is '" + version + "'; version 1.x is understood");
        }
        JsonNode listed = root.path("files");
        if (!listed.isArray()) {
            throw new MalformedPageException("it has no files array");
        }
        List<UpstreamFile> files = new ArrayList<>();
        for (JsonNode entry : listed.values()) {
            file(page, entry).ifPresent(files::add);
        }
        return ListedFiles.distinct(files);
    }

    private static Optional<UpstreamFile> file(URI page, JsonNode entry) {
        if (!entry.isObject()) {
            throw new MalformedPageException("a files entry is not an object");
        }
        String name = string(entry, "filename").orElseThrow(() -> missing("filename"));
        String href = string(entry, "url").orElseThrow(() -> missing("url"));
        Optional<URI> url = ListedFiles.url(page, href);
        Optional<String> filename = ListedFiles.keepable(name);
        if (url.isEmpty() || filename.isEmpty()) {
            return Optional.empty();
        }
        JsonNode yanked = entry.path("yanked");
        if (!yanked.isMissingNode() && !yanked.isBoolean() && !yanked.isString() && !yanked.isNull()) {
            throw new MalformedPageException("yanked of " + name + " is neither a boolean nor a reason");
        }
        JsonNode metadata = entry.has("core-metadata") ? entry.get("core-metadata") : entry.path("dist-info-metadata");
        return Optional.of(new UpstreamFile(filename.get(), url.get(), hashes(entry.path("hashes"), name),
                string(entry, "requires-python").filter(value -> !value.isBlank()),
                yanked.isString() || yanked.isBoolean() && yanked.booleanValue(),
                yanked.isString() ? Optional.of(yanked.stringValue()).filter(value -> !value.isBlank())
                        : Optional.empty(),
                string(entry, "upload-time").map(time -> instant(time, name)), size(entry, name),
                coreMetadata(metadata, name)));
    }

    private static Map<String, String> hashes(JsonNode node, String name) {
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new MalformedPageException("hashes of " + name + " is not an object");
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> pair : node.properties()) {
            if (!pair.getValue().isString()) {
                throw new MalformedPageException("the " + shorten(pair.getKey()) + " hash of " + name + " is not a string");
            }
            ListedFiles.hash(pair.getKey(), pair.getValue().stringValue())
                    .ifPresent(hash -> hashes.put(hash.getKey(), hash.getValue()));
        }
        return hashes;
    }

    private static Optional<Map<String, String>> coreMetadata(JsonNode node, String name) {
        if (node.isMissingNode() || node.isNull() || node.isBoolean() && !node.booleanValue()) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(Map.of());
        }
        return Optional.of(hashes(node, name));
    }

    private static Optional<Long> size(JsonNode entry, String name) {
        JsonNode size = entry.path("size");
        if (size.isMissingNode() || size.isNull()) {
            return Optional.empty();
        }
        if (!size.isIntegralNumber() || !size.canConvertToLong() || size.longValue() < 0) {
            throw new MalformedPageException("size of " + name + " is not a byte count");
        }
        return Optional.of(size.longValue());
    }

    private static Instant instant(String time, String name) {
        try {
            return OffsetDateTime.parse(time.strip()).toInstant();
        } catch (DateTimeParseException invalid) {
            throw new MalformedPageException("upload-time of " + name + " is not an ISO 8601 time: " + shorten(time));
        }
    }

    private static Optional<String> string(JsonNode entry, String field) {
        JsonNode value = entry.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw new MalformedPageException(field + " of a file is not a string");
        }
        return Optional.of(value.stringValue());
    }

    private static MalformedPageException missing(String field) {
        return new MalformedPageException("a file has no " + field);
    }

    private static String firstLine(String message) {
        return shorten(message == null ? "unreadable" : message.lines().findFirst().orElse(""));
    }

    /** At most 100 characters of upstream's text, so that a hostile page cannot fill a message. */
    static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }
}
