package dev.assay.server.pipeline.workers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.archive.ArchiveLimits;
import dev.assay.packaging.archive.DistributionMetadata;
import dev.assay.packaging.filename.DistributionFileName;
import dev.assay.packaging.filename.SdistFileName;
import dev.assay.packaging.filename.WheelFileName;
import dev.assay.packaging.metadata.CoreMetadata;
import dev.assay.packaging.metadata.MetadataCheck;
import dev.assay.packaging.metadata.MetadataParser;
import dev.assay.packaging.metadata.MetadataProblem;
import dev.assay.packaging.metadata.MetadataValidator;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;

/**
 * Reads the distribution's core metadata in process (no sandbox needed: nothing of the package runs), checks
 * it with {@link MetadataValidator} and for the fields people look for, and records each problem as raw data.
 */
public final class MetadataTask implements Task {

    static final String NAME = "metadata";

    private final MetadataValidator validator = new MetadataValidator();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<DataKey> consumes() {
        return Set.of(PipelineTasks.DISTRIBUTION);
    }

    @Override
    public Set<DataKey> produces() {
        return Set.of();
    }

    @Override
    public TaskResult run(TaskContext context) {
        Path file = context.input(PipelineTasks.DISTRIBUTION, Path.class);
        context.log("reading the core metadata of " + file.getFileName());
        CoreMetadata metadata;
        try {
            metadata = MetadataParser.parse(read(file));
        } catch (PackagingException unreadable) {
            context.record("problems", List.of(problem("unreadable-metadata", "", unreadable.getMessage())));
            return TaskResult.failed("the core metadata cannot be read: " + unreadable.getMessage());
        }
        List<Map<String, String>> problems = new ArrayList<>();
        MetadataCheck check = validator.check(metadata);
        for (MetadataProblem problem : check.errors()) {
            problems.add(problem("invalid-metadata", problem.field(), problem.toString()));
        }
        // advice PyPI does not enforce: the upload was accepted, the pipeline shows it
        for (MetadataProblem warning : check.warnings()) {
            problems.add(problem("metadata-warning", warning.field(), warning.toString()));
        }
        problems.addAll(recommendations(metadata));
        context.record("metadataVersion", metadata.metadataVersion());
        context.record("problems", problems);
        context.log(problems.size() + " metadata problem(s)");
        return TaskResult.passed(problems.isEmpty() ? "metadata complete" : problems.size() + " metadata problem(s)");
    }

    private static byte[] read(Path file) {
        DistributionFileName name = DistributionFileName.parse(file.getFileName().toString());
        if (name instanceof WheelFileName wheel) {
            return DistributionMetadata.wheelMetadata(file, wheel, ArchiveLimits.defaults());
        }
        return DistributionMetadata.sdistMetadata(file, (SdistFileName) name, ArchiveLimits.defaults());
    }

    // The validator accepts what the specification allows; these are fields an installer does not need but
    // a person choosing a package does.
    private static List<Map<String, String>> recommendations(CoreMetadata metadata) {
        List<Map<String, String>> found = new ArrayList<>();
        if (metadata.summary().isEmpty()) {
            found.add(problem("missing-summary", "Summary", "no Summary: search results and pages show nothing"));
        }
        if (metadata.description().isEmpty()) {
            found.add(problem("missing-description", "Description", "no Description: the project page is empty"));
        }
        boolean licensed = metadata.license().isPresent() || metadata.licenseExpression().isPresent()
                || metadata.classifiers().stream().anyMatch(classifier -> classifier.startsWith("License ::"));
        if (!licensed) {
            found.add(problem("missing-license", "License-Expression",
                    "no License-Expression, License or license classifier: users cannot tell whether they may use it"));
        }
        if (metadata.requiresPython().isEmpty()) {
            found.add(problem("missing-requires-python", "Requires-Python",
                    "no Requires-Python: installers may pick this release for Pythons it does not support"));
        }
        if (metadata.projectUrls().isEmpty() && metadata.homePage().isEmpty()) {
            found.add(problem("missing-urls", "Project-URL", "no Project-URL: nowhere to find the source or report bugs"));
        }
        return found;
    }

    private static Map<String, String> problem(String code, String field, String message) {
        Map<String, String> problem = new LinkedHashMap<>();
        problem.put("code", code);
        problem.put("field", field);
        problem.put("message", message);
        return problem;
    }
}
