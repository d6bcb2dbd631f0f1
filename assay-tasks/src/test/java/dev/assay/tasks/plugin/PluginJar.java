package dev.assay.tasks.plugin;

import dev.assay.tasks.Task;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Builds a plugin jar for tests: compiles one task class from source and lists it as a service. */
final class PluginJar {

    private PluginJar() {
    }

    /** Writes {@code jar} holding {@code className} compiled from {@code source}, registered as a task. */
    static Path build(Path jar, Path scratch, String className, String source) throws IOException {
        Path sources = Files.createDirectories(scratch.resolve("src"));
        Path classes = Files.createDirectories(scratch.resolve("classes"));
        Path file = sources.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", taskApiLocation(),
                file.toString());
        if (status != 0) {
            throw new IllegalStateException("test plugin did not compile");
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                add(out, classes.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
            add(out, "META-INF/services/" + Task.class.getName(),
                    (className + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    /** Writes a jar whose service list names a class it does not contain. */
    static Path broken(Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "META-INF/services/" + Task.class.getName(), "no.such.Task\n".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static String taskApiLocation() {
        try {
            return Path.of(Task.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
