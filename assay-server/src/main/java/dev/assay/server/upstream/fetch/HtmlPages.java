package dev.assay.server.upstream.fetch;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import dev.assay.server.upstream.UpstreamFile;

/**
 * Reads a PEP 503 HTML project page: one anchor per file, the hash in the URL's fragment, and the {@code data-}
 * attributes of PEP 592 (yanked), 503 (requires-python, HTML-unescaped) and 658/714 (core metadata). HTML pages
 * carry no upload time nor size.
 */
final class HtmlPages {

    private HtmlPages() {
    }

    static List<UpstreamFile> parse(URI page, String html) {
        if (html.indexOf('\0') >= 0) {
            throw new MalformedPageException("it holds binary data, not HTML");
        }
        Document document = Jsoup.parse(html);
        if (document.body().childrenSize() == 0 && document.head().childrenSize() == 0 && !html.isBlank()
                && !html.contains("<")) {
            throw new MalformedPageException("it is plain text, not HTML");
        }
        requireVersionOne(document);
        URI base = base(page, document);
        List<UpstreamFile> files = new ArrayList<>();
        for (Element anchor : document.select("a[href]")) {
            String link = anchor.attr("href");
            Optional<URI> url = ListedFiles.url(base, link);
            Optional<String> filename = url.flatMap(ListedFiles::filename);
            if (filename.isPresent()) {
                files.add(file(filename.get(), url.get(), fragmentHashes(link), anchor));
            }
        }
        return ListedFiles.distinct(files);
    }

    /** Where links are relative to: a {@code <base href>} as pip honours it, else the page's own URL. */
    private static URI base(URI page, Document document) {
        Element base = document.selectFirst("base[href]");
        return base == null ? page : ListedFiles.url(page, base.attr("href")).orElse(page);
    }

    private static void requireVersionOne(Document document) {
        Element version = document.selectFirst("meta[name=pypi:repository-version]");
        if (version != null && !version.attr("content").strip().startsWith("1.")) {
            throw new MalformedPageException("it declares repository version '" + version.attr("content")
                    + "'; version 1.x is understood");
        }
    }

    private static UpstreamFile file(String filename, URI url, Map<String, String> hashes, Element anchor) {
        Optional<String> requiresPython = Optional.of(anchor.attr("data-requires-python").strip())
                .filter(value -> !value.isEmpty());
        boolean yanked = anchor.hasAttr("data-yanked");
        Optional<String> reason = Optional.of(anchor.attr("data-yanked").strip()).filter(value -> !value.isEmpty());
        String metadata = anchor.hasAttr("data-core-metadata") ? anchor.attr("data-core-metadata")
                : anchor.attr("data-dist-info-metadata");
        return new UpstreamFile(filename, url, hashes, requiresPython, yanked, reason, Optional.empty(),
                Optional.empty(), coreMetadata(metadata.strip()));
    }

    /** {@code true} (offered, no hash) or {@code <hashname>=<hex>}; anything else offers no metadata. */
    private static Optional<Map<String, String>> coreMetadata(String value) {
        if (value.equalsIgnoreCase("true")) {
            return Optional.of(Map.of());
        }
        int equals = value.indexOf('=');
        if (equals < 0) {
            return Optional.empty();
        }
        return ListedFiles.hash(value.substring(0, equals), value.substring(equals + 1))
                .map(hash -> Map.of(hash.getKey(), hash.getValue()));
    }

    private static Map<String, String> fragmentHashes(String href) {
        int hash = href.indexOf('#');
        Map<String, String> hashes = new LinkedHashMap<>();
        if (hash >= 0) {
            String fragment = href.substring(hash + 1);
            int equals = fragment.indexOf('=');
            if (equals > 0) {
                ListedFiles.hash(fragment.substring(0, equals), fragment.substring(equals + 1))
                        .ifPresent(pair -> hashes.put(pair.getKey(), pair.getValue()));
            }
        }
        return hashes;
    }
}
