package dev.assay.packaging.metadata;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Reads the email-header format of {@code METADATA} and {@code PKG-INFO} files into {@link CoreMetadata}. */
public final class MetadataParser {
    private static final String SOURCE = "the metadata file";

    private MetadataParser() {
    }

    /**
     * Parses UTF-8 encoded metadata (a leading byte-order mark is ignored).
     *
     * @throws InvalidMetadataException if the bytes are not UTF-8 or the text is not well-formed metadata
     */
    public static CoreMetadata parse(byte[] metadata) {
        Objects.requireNonNull(metadata, "metadata");
        return parse(decode(metadata));
    }

    /**
     * Parses metadata text: headers, then optionally an empty line and the description as the body.
     *
     * @throws InvalidMetadataException if a line is not a header, a single-use field repeats, a required field
     *     (Metadata-Version, Name, Version) is missing, or the description is given twice
     */
    public static CoreMetadata parse(String metadata) {
        Objects.requireNonNull(metadata, "metadata");
        String text = metadata.startsWith("\uFEFF") ? metadata.substring(1) : metadata;
        if (text.isBlank()) {
            throw new InvalidMetadataException(new MetadataProblem(MetadataField.METADATA_VERSION.header(),
                    "the metadata is empty; it must start with headers such as 'Metadata-Version: 2.4'"));
        }
        HeaderBlock block = HeaderBlock.split(text);
        FieldCollector fields = new FieldCollector(SOURCE);
        for (HeaderBlock.Header header : block.headers()) {
            MetadataField.fromHeader(header.name()).ifPresentOrElse(
                    field -> fields.add(field, valueOf(field, header)),
                    () -> fields.addUnknown(header.name(), header.folded()));
        }
        block.body().ifPresent(fields::body);
        return fields.toCoreMetadata();
    }

    private static String valueOf(MetadataField field, HeaderBlock.Header header) {
        return field == MetadataField.DESCRIPTION || field == MetadataField.LICENSE
                ? header.unescaped()
                : header.folded();
    }

    private static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw notUtf8(bytes, in.position());
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static InvalidMetadataException notUtf8(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        String bad = String.format("0x%02X", bytes[offset] & 0xFF);
        return new InvalidMetadataException(new MetadataProblem("line " + line, "byte " + bad + " at offset " + offset
                + " is not valid UTF-8; core metadata must be encoded in UTF-8"));
    }
}
