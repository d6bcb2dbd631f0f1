package dev.assay.server.upstream.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.assay.packaging.filename.DistributionFileName;
import dev.assay.packaging.filename.InvalidFileNameException;
import dev.assay.server.upstream.UpstreamFile;

/**
 * What both page formats share: which listed files are kept (wheels and sdists under a clean name, at an http or
 * https URL) and how hashes are read. Other files (eggs, installers, names with slashes or control characters,
 * {@code javascript:} links) are left out rather than failing the page, as pip skips what it cannot use.
 */
final class ListedFiles {

    private static final Pattern HASH_NAME = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,256}");

    private ListedFiles() {
    }

    /** {@code href} resolved against {@code page}, without its fragment, when it is an http(s) URL. */
    static Optional<URI> url(URI page, String href) {
        try {
            URI resolved = page.resolve(new URI(href.strip()));
            String scheme = Optional.ofNullable(resolved.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || resolved.getHost() == null) {
                return Optional.empty();
            }
            String text = resolved.toString();
            return Optional.of(new URI(text.indexOf('#') < 0 ? text : text.substring(0, text.indexOf('#'))));
        } catch (URISyntaxException | IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    /** The file name a URL ends in (percent-decoded), when it is one Assay may keep. */
    static Optional<String> filename(URI url) {
        String path = Optional.ofNullable(url.getRawPath()).orElse("");
        String last = path.substring(path.lastIndexOf('/') + 1);
        try {
            return keepable(URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException badEscape) {
            return Optional.empty();
        }
    }

    /** {@code name} when it is a clean wheel or sdist file name (no slash, backslash, control character). */
    static Optional<String> keepable(String name) {
        try {
            DistributionFileName.parse(name);
            return Optional.of(name);
        } catch (InvalidFileNameException | IllegalArgumentException unusable) {
            return Optional.empty();
        }
    }

    /** A hash pair upstream gave, lower-cased; empty when the name or the value cannot be a hash. */
    static Optional<Map.Entry<String, String>> hash(String name, String value) {
        String lowerName = name.toLowerCase(Locale.ROOT);
        if (!HASH_NAME.matcher(lowerName).matches() || !HEX.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(lowerName, value.toLowerCase(Locale.ROOT)));
    }

    /** The files in page order, the first of each name kept (a page listing a name twice is not trusted twice). */
    static List<UpstreamFile> distinct(List<UpstreamFile> files) {
        Map<String, UpstreamFile> byName = new LinkedHashMap<>();
        files.forEach(file -> byName.putIfAbsent(file.filename(), file));
        return List.copyOf(byName.values());
    }
}
