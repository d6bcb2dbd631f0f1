package dev.assay.server.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.assay.tasks.Task;

/**
 * Builds plugin jars the way a plugin author's build does, with the JDK's compiler and a jar writer (no Maven): the
 * example project of the repository, or a task written in a test.
 */
public final class PluginJars {

    private PluginJars() {
    }

    /** The repository's example plugin project, {@code examples/line-count-plugin}. */
    public static Path exampleProject() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path project = dir.resolve("examples/line-count-plugin");
            if (Files.isDirectory(project)) {
                return project;
            }
        }
        throw new IllegalStateException("examples/line-count-plugin not found above " + Path.of("").toAbsolutePath());
    }

    /** Builds the example project into {@code jar}, version 1.0, compiling in {@code scratch}. */
    public static Path example(Path jar, Path scratch) throws IOException {
        Path project = exampleProject();
        return build(jar, scratch, project.resolve("src/main/java"), project.resolve("src/main/resources"), "1.0");
    }

    /** Builds a jar of one task class {@code className} written in a test, listed as a task service. */
    public static Path single(Path jar, Path scratch, String className, String source) throws IOException {
        Path sources = Files.createDirectories(scratch.resolve("single-src"));
        Path file = sources.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path resources = Files.createDirectories(scratch.resolve("single-resources/META-INF/services")).getParent()
                .getParent();
        Files.writeString(resources.resolve("META-INF/services/" + Task.class.getName()), className + "\n");
        return build(jar, scratch, sources, resources, "0.1");
    }

    /** Compiles every {@code .java} file under {@code sources} and writes them and {@code resources} into {@code jar}. */
    public static Path build(Path jar, Path scratch, Path sources, Path resources, String version) throws IOException {
        Path classes = Files.createDirectories(scratch.resolve("classes-" + jar.getFileName()));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", taskApi(), "--release",
                "17"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the plugin in " + sources + " did not compile");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            addTree(out, classes);
            addTree(out, resources);
        }
        return jar;
    }

    private static void addTree(JarOutputStream out, Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
    }

    private static String taskApi() {
        try {
            return Path.of(Task.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
