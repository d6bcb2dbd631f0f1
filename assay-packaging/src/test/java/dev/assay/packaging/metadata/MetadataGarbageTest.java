package dev.assay.packaging.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed values in every field are reported as problems, never as an unexpected exception. */
class MetadataGarbageTest {
    private static final List<String> GARBAGE = List.of("", " ", "(((", ")))", "\u0000", "\uFFFD", "@", "<>", "\"",
            "\"\"\"", "http://[", "https://exa mple.com", ",", ";", "::", " :: ", "a".repeat(20_000),
            "(".repeat(5_000), "a@b@c", "<<a@example.com>>", "x; extra ==", "x @ ", "x[", "===", "~=", "!=1.*.*",
            "1!2!3", "text/markdown; =", "LicenseRef-", "WITH", "*", "..", "\\\\", "C:", "%", "\t", "π", "😀",
            "text/markdown; charset", "Label,", ", https://example.com", "1.0+", "v", "-", "_", ".", "0" .repeat(400));

    private final MetadataValidator validator = new MetadataValidator();

    @Test
    void validatesGarbageInEveryFieldWithoutThrowing() {
        for (MetadataField field : MetadataField.values()) {
            for (String garbage : GARBAGE) {
                Map<String, List<String>> form = required();
                form.put(field.formName(), List.of(garbage));
                CoreMetadata metadata;
                try {
                    metadata = MetadataForm.toMetadata(form);
                } catch (InvalidMetadataException expected) {
                    continue;
                }
                assertThatCode(() -> validator.validate(metadata))
                        .as("%s = %s", field, garbage.length() > 40 ? garbage.substring(0, 40) : garbage)
                        .doesNotThrowAnyException();
                assertThatCode(() -> MetadataForm.disagreements(metadata, metadata)).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void validatesRandomlyAssembledMetadataWithoutThrowing() {
        Random random = new Random(7);
        MetadataField[] fields = MetadataField.values();
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder("Metadata-Version: 2.4\nName: a\nVersion: 1\n");
            for (int i = 0; i < 4; i++) {
                MetadataField field = fields[random.nextInt(fields.length)];
                if (field.multipleUse()) {
                    text.append(field.header()).append(": ").append(randomValue(random)).append('\n');
                }
            }
            CoreMetadata metadata = MetadataParser.parse(text.toString());
            assertThat(validator.validate(metadata)).isNotNull();
        }
    }

    private static String randomValue(Random random) {
        String alphabet = "aZ09 .-_;:,()[]<>=!~@\"'*/\\+";
        List<Character> chars = new ArrayList<>();
        int length = random.nextInt(24);
        for (int i = 0; i < length; i++) {
            chars.add(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        StringBuilder value = new StringBuilder();
        chars.forEach(value::append);
        return value.toString().strip();
    }

    private static Map<String, List<String>> required() {
        Map<String, List<String>> form = new HashMap<>();
        form.put("metadata_version", List.of("2.4"));
        form.put("name", List.of("garbage"));
        form.put("version", List.of("1.0"));
        return form;
    }
}
