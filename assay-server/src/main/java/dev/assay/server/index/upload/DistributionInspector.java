package dev.assay.server.index.upload;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.archive.ArchiveLimits;
import dev.assay.packaging.archive.DistributionMetadata;
import dev.assay.packaging.filename.DistributionFileName;
import dev.assay.packaging.filename.SdistFileName;
import dev.assay.packaging.filename.WheelFileName;
import dev.assay.packaging.metadata.CoreMetadata;
import dev.assay.packaging.metadata.MetadataForm;
import dev.assay.packaging.metadata.MetadataParser;
import dev.assay.packaging.metadata.MetadataProblem;
import dev.assay.packaging.metadata.MetadataValidator;
import dev.assay.server.error.InvalidInputException;

/** Opens an uploaded archive safely, reads its core metadata and checks it as PyPI does. */
@Component
class DistributionInspector {

    private final MetadataValidator validator = new MetadataValidator();

    InspectedDistribution inspect(Path file, DistributionFileName fileName, UploadForm form) {
        byte[] metadataFile = readMetadata(file, fileName);
        CoreMetadata metadata = parse(metadataFile);
        List<MetadataProblem> problems = validator.validate(metadata);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Invalid metadata inside the file: " + problems.stream()
                    .map(MetadataProblem::toString).collect(Collectors.joining("; ")));
        }
        checkAgreement(fileName, metadata, form);
        return new InspectedDistribution(fileName, metadata, metadataFile);
    }

    private static byte[] readMetadata(Path file, DistributionFileName fileName) {
        try {
            if (fileName instanceof WheelFileName wheel) {
                return DistributionMetadata.wheelMetadata(file, wheel, ArchiveLimits.defaults());
            }
            return DistributionMetadata.sdistMetadata(file, (SdistFileName) fileName, ArchiveLimits.defaults());
        } catch (PackagingException refused) {
            throw new InvalidInputException("Invalid distribution file: " + refused.getMessage());
        }
    }

    private static CoreMetadata parse(byte[] metadataFile) {
        try {
            return MetadataParser.parse(metadataFile);
        } catch (PackagingException unreadable) {
            throw new InvalidInputException("Invalid metadata in the distribution file: " + unreadable.getMessage());
        }
    }

    private static void checkAgreement(DistributionFileName fileName, CoreMetadata metadata, UploadForm form) {
        List<String> disagreements;
        try {
            disagreements = MetadataForm.disagreements(MetadataForm.toMetadata(form.fields()), metadata);
        } catch (PackagingException unreadable) {
            throw new InvalidInputException("Invalid metadata in the upload form: " + unreadable.getMessage());
        }
        if (!disagreements.isEmpty()) {
            throw new InvalidInputException("The metadata in the form disagrees with the metadata inside the file: "
                    + String.join("; ", disagreements));
        }
    }
}
