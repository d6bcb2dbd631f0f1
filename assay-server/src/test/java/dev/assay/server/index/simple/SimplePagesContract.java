package dev.assay.server.index.simple;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.ReleaseRepository;
import dev.assay.server.testing.TestDistributions;

/** The Simple Repository API pages, read over HTTP after real uploads; run once per database. */
abstract class SimplePagesContract extends IndexFixture {

    // --- project page, HTML --------------------------------------------------------------------------

    @Test
    void projectPageInHtmlLinksEveryFileWithItsHashRequiresPythonAndMetadataHash() {
        String name = unique("Html_Links");
        TestDistributions.Spec spec = spec(name, "1.0", "Requires-Python: >=3.8,<4");
        byte[] wheel = publishWheel(spec);
        byte[] sdist = publishSdist(spec);

        HttpResponse<String> page = get("simple/" + normalized(name) + "/", "Accept", "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Content-Type")).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(header(page, "Vary")).contains("Accept");
        assertThat(page.body()).contains("data-requires-python=\"&gt;=3.8,&lt;4\"");
        Document document = Jsoup.parse(page.body(), page.uri().toString());
        assertThat(document.selectFirst("meta[name=pypi:repository-version]").attr("content")).isEqualTo("1.1");
        List<Element> links = document.select("a");
        assertThat(links).extracting(Element::text).containsExactlyInAnyOrder(
                ProjectName.escapeForFilename(name) + "-1.0-py3-none-any.whl",
                ProjectName.escapeForFilename(name) + "-1.0.tar.gz");
        for (Element link : links) {
            String href = link.absUrl("href");
            String expectedSha = sha256(link.text().endsWith(".whl") ? wheel : sdist);
            assertThat(href).endsWith("#sha256=" + expectedSha);
            byte[] served = getBytes(href.substring(0, href.indexOf('#'))).body();
            assertThat(sha256(served)).isEqualTo(expectedSha);
            assertThat(link.attr("data-requires-python")).isEqualTo(">=3.8,<4");
            assertThat(link.hasAttr("data-yanked")).isFalse();
            byte[] metadata = getBytes(href.substring(0, href.indexOf('#')) + ".metadata").body();
            assertThat(link.attr("data-core-metadata")).isEqualTo("sha256=" + sha256(metadata));
            assertThat(link.attr("data-dist-info-metadata")).isEqualTo(link.attr("data-core-metadata"));
            assertThat(new String(metadata)).contains("Name: " + name, "Requires-Python: >=3.8,<4");
        }
    }

    @Test
    void projectPageMarksFilesOfYankedReleasesWithTheReasonOrAnEmptyValue() {
        String name = unique("yanked-html");
        publishWheel(spec(name, "1.0"));
        publishWheel(spec(name, "2.0"));
        publishWheel(spec(name, "3.0"));
        String etagBefore = header(get("simple/" + name + "/", "Accept", HTML), "ETag");
        yank(name, "1.0", "broken on Windows");
        yank(name, "2.0", null);

        Document document = Jsoup.parse(get("simple/" + name + "/", "Accept", HTML).body());
        Element one = document.selectFirst("a:contains(-1.0-)");
        Element two = document.selectFirst("a:contains(-2.0-)");
        Element three = document.selectFirst("a:contains(-3.0-)");
        assertThat(header(get("simple/" + name + "/", "Accept", HTML), "ETag")).isNotEqualTo(etagBefore);

        assertThat(one.attr("data-yanked")).isEqualTo("broken on Windows");
        assertThat(two.hasAttr("data-yanked")).isTrue();
        assertThat(two.attr("data-yanked")).isEmpty();
        assertThat(three.hasAttr("data-yanked")).isFalse();
        JsonNode files = json(get("simple/" + name + "/", "Accept", JSON)).path("files");
        assertThat(files.get(0).path("yanked").stringValue()).isEqualTo("broken on Windows");
        assertThat(files.get(1).path("yanked").booleanValue()).isTrue();
        assertThat(files.get(2).path("yanked").isBoolean()).isTrue();
        assertThat(files.get(2).path("yanked").booleanValue()).isFalse();
    }

    // --- project page, JSON --------------------------------------------------------------------------

    @Test
    void projectPageInJsonHasEveryKeyOfApiVersionOnePointOne() {
        String name = unique("Json.Keys");
        TestDistributions.Spec first = spec(name, "1.0", "Requires-Python: >=3.8,<4");
        byte[] wheel = publishWheel(first);
        publishWheel(spec(name, "1.10"));
        publishWheel(spec(name, "1.9"));

        HttpResponse<String> page = get("simple/" + normalized(name) + "/", "Accept", PIP_ACCEPT);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Content-Type")).isEqualTo(JSON);
        JsonNode body = json(page);
        assertThat(body.path("meta").path("api-version").stringValue()).isEqualTo("1.1");
        long serial = body.path("meta").path("_last-serial").longValue();
        assertThat(serial).isPositive();
        assertThat(header(page, "X-PyPI-Last-Serial")).isEqualTo(Long.toString(serial));
        assertThat(body.path("name").stringValue()).isEqualTo(normalized(name));
        assertThat(body.path("versions").valueStream().map(JsonNode::stringValue))
                .containsExactly("1.0", "1.9", "1.10");
        JsonNode file = body.path("files").get(0);
        assertThat(file.path("filename").stringValue()).isEqualTo(ProjectName.escapeForFilename(name)
                + "-1.0-py3-none-any.whl");
        assertThat(file.path("hashes").path("sha256").stringValue()).isEqualTo(sha256(wheel));
        assertThat(file.path("requires-python").stringValue()).isEqualTo(">=3.8,<4");
        assertThat(file.path("yanked").booleanValue()).isFalse();
        assertThat(file.path("size").longValue()).isEqualTo(wheel.length);
        assertThat(file.path("upload-time").stringValue())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?Z");
        byte[] metadata = getBytes(URI.create(page.uri().toString()).resolve(file.path("url").stringValue())
                + ".metadata").body();
        assertThat(file.path("core-metadata").path("sha256").stringValue())
                .isEqualTo(sha256(metadata));
        assertThat(file.has("dist-info-metadata")).as("the key pip 23.0 crashes on").isFalse();
        assertThat(file.has("data-dist-info-metadata")).as("an HTML attribute's name, not a PEP 691 key").isFalse();
        byte[] served = getBytes(URI.create(page.uri().toString()).resolve(file.path("url").stringValue()).toString())
                .body();
        assertThat(served).isEqualTo(wheel);
        assertThat(body.path("files").get(1).has("requires-python")).isFalse();
    }

    @Test
    void projectWithoutFilesOrReleasesStillHasAPage() {
        String name = unique("empty");
        long id = server.bean(ProjectRepository.class).insert(name, name, Instant.now());

        JsonNode empty = json(get("simple/" + name + "/", "Accept", JSON));
        assertThat(empty.path("files").isEmpty()).isTrue();
        assertThat(empty.path("versions").isEmpty()).isTrue();

        server.bean(ReleaseRepository.class).insert(id, "0.1", "", null, "Metadata-Version: 2.1\n", Instant.now());
        // every writer bumps the serial with its change; pages are kept by serial
        server.bean(ProjectRepository.class).touch(id, null);
        JsonNode withRelease = json(get("simple/" + name + "/", "Accept", JSON));
        assertThat(withRelease.path("versions").valueStream().map(JsonNode::stringValue)).containsExactly("0.1");
        assertThat(withRelease.path("files").isEmpty()).isTrue();
        assertThat(get("simple/" + name + "/", "Accept", "text/html").statusCode()).isEqualTo(200);
    }

    // --- negotiation ---------------------------------------------------------------------------------

    @Test
    void choosesTheFormatByQualityThenPyPisOrderAndHonoursFormatParameter() {
        String name = unique("negotiated");
        publishWheel(spec(name, "1.0"));
        String page = "simple/" + name + "/";

        assertThat(contentType(page, "Accept", PIP_ACCEPT)).isEqualTo(JSON);
        assertThat(contentType(page, "Accept", UV_ACCEPT)).isEqualTo(JSON);
        assertThat(contentType(page, "Accept", "text/html;q=0.5, " + JSON + ";q=0.4")).startsWith("text/html");
        assertThat(contentType(page, "Accept", "application/vnd.pypi.simple.latest+json")).isEqualTo(JSON);
        assertThat(contentType(page, "Accept", "application/vnd.pypi.simple.latest+html")).startsWith(HTML);
        assertThat(contentType(page, "Accept", HTML + ", " + JSON + ";q=0.9")).startsWith(HTML);
        assertThat(contentType(page, "Accept", "text/html, */*;q=0.8")).startsWith("text/html");
        assertThat(contentType(page, "Accept", "text/html;q=0, */*")).startsWith(HTML);
        assertThat(contentType(page + "?format=" + JSON, "Accept", "text/html")).isEqualTo(JSON);
        assertThat(contentType(page + "?format=text/html", "Accept", JSON)).startsWith("text/html");
        assertThat(contentType("simple/", "Accept", JSON)).isEqualTo(JSON);
    }

    @Test
    void answersHtmlAsPyPiDoesToCurlToApplicationJsonAndToNoAcceptHeader() {
        String name = unique("curl-read");
        publishWheel(spec(name, "1.0"));

        for (String page : List.of("simple/", "simple/" + name + "/")) {
            assertThat(contentType(page)).as(page).isEqualToIgnoringCase("text/html;charset=UTF-8");
            assertThat(contentType(page, "Accept", "*/*")).as(page).startsWith("text/html");
            assertThat(contentType(page, "Accept", "application/json")).as(page).startsWith("text/html");
            assertThat(contentType(page, "Accept", "image/png, application/xml")).as(page).startsWith("text/html");
            assertThat(contentType(page, "Accept", "not/a/type;;q=x")).as(page).startsWith("text/html");
        }
    }

    @Test
    void answersNotAcceptableForAnUnknownFormatParameterNamingWhatItServes() {
        String name = unique("refused");
        publishWheel(spec(name, "1.0"));

        HttpResponse<String> byParameter = get("simple/" + name + "/?format=text/plain", "Accept", "text/html");

        assertThat(byParameter.statusCode()).isEqualTo(406);
        assertThat(byParameter.body()).contains("text/plain", JSON);
        assertThat(get("simple/?format=application/json").statusCode()).isEqualTo(406);
    }

    private String contentType(String path, String... headers) {
        HttpResponse<String> response = get(path, headers);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return header(response, "Content-Type");
    }

    // --- names, redirects, conditional requests -----------------------------------------------------

    @Test
    void redirectsNamesThatAreNotNormalisedKeepingTheFormat() {
        String name = unique("My_Project.Name");
        publishWheel(spec(name, "1.0"));
        String target = "/simple/" + normalized(name) + "/";

        HttpResponse<String> mixed = get("simple/" + name + "/");
        HttpResponse<String> dotted = get("simple/" + name.toLowerCase() + "?format=" + JSON.replace("+", "%2B"));
        HttpResponse<String> typedPlus = get("simple/" + name + "/?format=" + JSON);
        HttpResponse<String> noSlash = get("simple/" + normalized(name));

        assertThat(mixed.statusCode()).isEqualTo(301);
        assertThat(header(mixed, "Location")).isEqualTo(target);
        assertThat(dotted.statusCode()).isEqualTo(301);
        assertThat(header(dotted, "Location")).isEqualTo(target + "?format=application%2Fvnd.pypi.simple.v1%2Bjson");
        assertThat(header(typedPlus, "Location")).isEqualTo(header(dotted, "Location"));
        assertThat(get(header(dotted, "Location")).headers().firstValue("Content-Type")).contains(JSON);
        assertThat(noSlash.statusCode()).isEqualTo(301);
        assertThat(header(noSlash, "Location")).isEqualTo(target);
        assertThat(get("simple").statusCode()).isEqualTo(301);
    }

    @Test
    void unknownProjectsAreNotFound() {
        assertThat(get("simple/" + unique("nobody") + "/", "Accept", PIP_ACCEPT).statusCode()).isEqualTo(404);
        assertThat(get("simple/-not-a-name-/").statusCode()).isEqualTo(404);
    }

    @Test
    void answersNotModifiedForTheCurrentETagOfTheChosenFormatOnly() {
        String name = unique("etagged");
        publishWheel(spec(name, "1.0"));
        String page = "simple/" + name + "/";
        HttpResponse<String> first = get(page, "Accept", JSON);
        String etag = header(first, "ETag");

        HttpResponse<String> again = get(page, "Accept", JSON, "If-None-Match", etag);
        HttpResponse<String> asHtml = get(page, "Accept", "text/html", "If-None-Match", etag);

        assertThat(etag).startsWith("\"");
        assertThat(header(first, "Cache-Control")).contains("max-age=60", "public");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(header(again, "ETag")).isEqualTo(etag);
        assertThat(asHtml.statusCode()).isEqualTo(200);
        publishWheel(spec(name, "1.1"));
        HttpResponse<String> afterUpload = get(page, "Accept", JSON, "If-None-Match", etag);
        assertThat(afterUpload.statusCode()).isEqualTo(200);
        assertThat(header(afterUpload, "ETag")).isNotEqualTo(etag);
    }

    @Test
    void projectListNamesEveryProjectInHtmlAndJson() {
        String name = unique("Listed_Project");
        publishWheel(spec(name, "1.0"));

        HttpResponse<String> html = get("simple/", "Accept", "text/html");
        HttpResponse<String> json = get("simple/", "Accept", JSON);

        String shown = server.bean(ProjectService.class).project(name).name();
        Element link = Jsoup.parse(html.body()).selectFirst("a[href=/simple/" + normalized(name) + "/]");
        assertThat(link).isNotNull();
        assertThat(link.text()).isEqualTo(shown);
        JsonNode body = json(json);
        assertThat(body.path("meta").path("api-version").stringValue()).isEqualTo("1.1");
        assertThat(body.path("projects").valueStream().map(project -> project.path("name").stringValue()))
                .contains(shown);
    }

    @Test
    void indexPagesAndFilesCreateNoSession() {
        String name = unique("stateless");
        publishWheel(spec(name, "1.0"));
        String file = "files/" + name + "/" + ProjectName.escapeForFilename(name) + "-1.0-py3-none-any.whl";

        List<HttpResponse<?>> responses = new ArrayList<>(List.of(get("simple/"), get("simple/" + name + "/"),
                get("simple/" + name + "/", "Accept", "text/html"), get("simple/" + unique("missing") + "/"),
                getBytes(file), getBytes(file + ".metadata"), getBytes("files/" + name + "/nothing.whl")));

        assertThat(responses).allSatisfy(response -> assertThat(response.headers().firstValue("Set-Cookie")).isEmpty());
    }
}
