package dev.assay.server.index.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.assay.server.index.fuzz.UploadForm.Part;
import dev.assay.server.testing.UploadRequest;

/** Mutations of an upload's form: fields dropped, repeated, garbled; hostile file names; odd part headers. */
final class FormMutations {

    private static final List<String> FIELDS = List.of(":action", "protocol_version", "metadata_version", "name",
            "version", "filetype", "pyversion", "summary", "requires_python", "requires_dist", "classifiers",
            "description", "description_content_type", "license_expression", "sha256_digest", "md5_digest",
            "blake2_256_digest", "content", "attestations", "comment", "gpg_signature");

    private static final List<String> FILENAMES = List.of("../../etc/passwd", "/tmp/x.whl", "..\\..\\x.whl", "",
            "x.whl", "x.tar.gz", "demo-1.0-py3-none-any.whl/../../y.whl", "demo-1.0.tar.gz\u0000.whl", "demo-1.0.exe",
            "demo-1.0-py3-none-any.WHL", "demo-1.0.zip", "demo-1.0.tar.bz2", "Demo-1.0-py3-none-any.whl",
            "demo-1.0-1-py3-none-any.whl", "demo-1.0-py3-none-any-extra.whl", "😀-1.0-py3-none-any.whl",
            "demo-" + "9".repeat(300) + ".tar.gz", "a\"b.whl", "a\r\nb.whl", "demo-1.0.tar.gz ", " demo-1.0.tar.gz",
            "%2e%2e%2fdemo-1.0.tar.gz", "demo%00-1.0.tar.gz", ".whl", ".tar.gz");

    private final Junk junk;

    FormMutations(Junk junk) {
        this.junk = junk;
    }

    /** The form being mutated, the distribution it carries, the unmutated file and a chosen part. */
    private record Target(UploadForm form, Distribution dist, byte[] original, int index) {
        List<Part> parts() {
            return form.parts;
        }

        Part chosen() {
            return form.parts.get(index);
        }
    }

    /** One mutation of the form; returns what it did. */
    String mutate(UploadForm form, Distribution dist, byte[] original) {
        Target target = new Target(form, dist, original, junk.below(form.parts.size()));
        return switch (junk.below(10)) {
            case 0 -> remove(target);
            case 1 -> repeat(target);
            case 2 -> garble(target);
            case 3 -> renameFile(target);
            case 4 -> staleDigest(target);
            case 5 -> oddHeaders(target);
            case 6 -> moreFields(target);
            case 7 -> contradict(target);
            case 8 -> invalidUtf8(target);
            default -> secondFile(target);
        };
    }

    private static String remove(Target target) {
        Part removed = target.parts().remove(target.index());
        return "field '" + removed.name() + "' removed";
    }

    private String repeat(Target target) {
        String value = junk.string();
        Part chosen = target.chosen();
        target.parts().add(junk.below(target.parts().size() + 1), Part.field(chosen.name(), value));
        return "field '" + chosen.name() + "' repeated with '" + MetadataMutations.shorten(value) + "'";
    }

    private String garble(Target target) {
        String field = junk.pick(FIELDS);
        String value = junk.string();
        target.parts().removeIf(part -> part.name().equals(field) && !field.equals("content"));
        target.parts().add(junk.below(target.parts().size() + 1), Part.field(field, value));
        return "field '" + field + "' set to '" + MetadataMutations.shorten(value) + "'";
    }

    private String renameFile(Target target) {
        String filename = junk.chance(0.7) ? junk.pick(FILENAMES) : junk.string();
        replaceFile(target.form(), Part.file(filename, fileOf(target.form())));
        return "file name sent as '" + MetadataMutations.shorten(filename) + "'";
    }

    private static String staleDigest(Target target) {
        target.parts().removeIf(part -> part.name().endsWith("_digest"));
        target.parts().add(Part.field("sha256_digest", UploadRequest.sha256(target.original())));
        return "digest of the unmutated file sent";
    }

    private String oddHeaders(Target target) {
        Part chosen = target.chosen();
        String disposition = "Content-Disposition: form-data; name=\"" + chosen.name() + "\"";
        String headers = junk.pick(List.of("Content-Disposition: form-data", "Content-Disposition: attachment; "
                + "name=\"name\"", "Content-Disposition: form-data; name=", disposition
                + "; filename*=UTF-8''%e2%80%ae.whl", "X-Nothing: 1", disposition
                + "\r\nContent-Type: text/plain; charset=utf-16", disposition + "\r\nContent-Transfer-Encoding: base64",
                "Content-Disposition: form-data; name=\"" + "x".repeat(5_000) + "\""));
        target.parts().set(target.index(), new Part(headers, chosen.body()));
        return "part '" + chosen.name() + "' headers set to '" + MetadataMutations.shorten(headers) + "'";
    }

    private String moreFields(Target target) {
        int count = junk.pick(List.of(20, 120, 600));
        for (int i = 0; i < count; i++) {
            target.parts().add(junk.below(target.parts().size()), Part.field("classifiers", "Topic :: Fuzz :: " + i));
        }
        return count + " more form fields";
    }

    private String contradict(Target target) {
        String field = junk.pick(List.of("name", "version", "filetype", "metadata_version", "pyversion"));
        String value = junk.pick(List.of("other-project", target.dist().name.toUpperCase(), "0", "1.0", "bdist_egg",
                "sdist", "bdist_wheel", "2.4", "py2", "source", target.dist().version + "0"));
        target.parts().removeIf(part -> part.name().equals(field));
        target.parts().add(0, Part.field(field, value));
        return "field '" + field + "' set to '" + value + "'";
    }

    private static String invalidUtf8(Target target) {
        Part chosen = target.chosen();
        byte[] bytes = {(byte) 0xFF, (byte) 0xFE, 0, (byte) 0xC3};
        target.parts().set(target.index(), new Part(chosen.headers(),
                chosen.name().equals("content") ? chosen.body() : bytes));
        return "field '" + chosen.name() + "' value made invalid UTF-8";
    }

    private static String secondFile(Target target) {
        byte[] file = fileOf(target.form());
        replaceFile(target.form(), Part.file(target.dist().filename(), new byte[0]));
        target.parts().add(Part.file(target.dist().filename(), file));
        return "file part emptied and a second file part added";
    }

    private static byte[] fileOf(UploadForm form) {
        return form.parts.stream().filter(part -> part.name().equals("content")).map(Part::body).findFirst()
                .orElse("no file".getBytes(StandardCharsets.UTF_8));
    }

    private static void replaceFile(UploadForm form, Part file) {
        form.parts.removeIf(part -> part.name().equals("content"));
        form.parts.add(file);
    }
}
