package dev.assay.server.upstream.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import dev.assay.server.upstream.UpstreamFile;

/**
 * Reads an upstream project page, PEP 691 JSON or PEP 503 HTML as its content type says, into the wheels and
 * sdists it lists; anything else is a {@link MalformedPageException} saying why.
 */
@Component
class PageParser {

    /** What Assay asks for: JSON first, HTML understood. */
    static final String ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, "
            + "text/html;q=0.01";

    private final JsonMapper json;

    PageParser(JsonMapper json) {
        this.json = json;
    }

    /** The files of the page served at {@code page} with {@code contentType} (relative links resolve there). */
    List<UpstreamFile> parse(URI page, Optional<String> contentType, byte[] body) {
        String type = contentType.map(value -> value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
        try {
            if (isJson(type, body)) {
                return JsonPages.parse(json, page, body);
            }
            if (isHtml(type, body)) {
                return HtmlPages.parse(page, new String(body, charset(contentType.orElse(""))));
            }
        } catch (StackOverflowError deep) {
            throw new MalformedPageException("it is nested too deeply to read");
        }
        throw new MalformedPageException("it was served as " + JsonPages.shorten(type)
                + ", neither PEP 691 JSON nor PEP 503 HTML");
    }

    private static boolean isJson(String type, byte[] body) {
        return type.equals("application/vnd.pypi.simple.v1+json") || type.equals("application/vnd.pypi.simple.latest+json")
                || type.equals("application/json") || type.isEmpty() && firstCharacter(body) == '{';
    }

    private static boolean isHtml(String type, byte[] body) {
        return type.equals("application/vnd.pypi.simple.v1+html") || type.equals("application/vnd.pypi.simple.latest+html")
                || type.equals("text/html") || type.isEmpty() && firstCharacter(body) != '{';
    }

    private static int firstCharacter(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b;
            }
        }
        return -1;
    }

    private static Charset charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].strip().replace("\"", ""));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
