package dev.assay.tasks.builtin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A hand-written PEP 517 build backend, {@code tiny_backend}, as the wheel {@code tiny_backend-1.0-py3-none-any.whl}:
 * pure Python (zipfile, tarfile, tomllib), so a build succeeds only where this wheel was installed — the worker's
 * Python does not have it.
 */
final class TinyBackend {

    static final String WHEEL = "tiny_backend-1.0-py3-none-any.whl";

    /** The {@code pyproject.toml} of a project {@code name} 0.1 built by the tiny backend. */
    static String pyproject(String name) {
        return """
                [build-system]
                requires = ["tiny-backend"]
                build-backend = "tiny_backend"

                [project]
                name = "%s"
                version = "0.1"
                """.formatted(name);
    }

    private static final String MODULE = """
            import base64, hashlib, io, os, tarfile, tomllib, zipfile


            def _project():
                with open("pyproject.toml", "rb") as f:
                    project = tomllib.load(f)["project"]
                return project["name"], project["version"]


            def get_requires_for_build_wheel(config_settings=None):
                return []


            def get_requires_for_build_sdist(config_settings=None):
                return []


            def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
                name, version = _project()
                dist = name.replace("-", "_")
                filename = f"{dist}-{version}-py3-none-any.whl"
                info = f"{dist}-{version}.dist-info"
                records = []
                with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w") as wheel:
                    def add(path, data):
                        wheel.writestr(path, data)
                        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                        records.append(f"{path},sha256={digest},{len(data)}")
                    for root, _, files in os.walk(dist):
                        for file in sorted(files):
                            if file.endswith(".py"):
                                with open(os.path.join(root, file), "rb") as source:
                                    add(os.path.join(root, file), source.read())
                    add(info + "/METADATA", f"Metadata-Version: 2.1\\nName: {name}\\nVersion: {version}\\n".encode())
                    add(info + "/WHEEL", b"Wheel-Version: 1.0\\nGenerator: tiny_backend\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n")
                    records.append(info + "/RECORD,,")
                    wheel.writestr(info + "/RECORD", "\\n".join(records) + "\\n")
                return filename


            def build_sdist(sdist_directory, config_settings=None):
                name, version = _project()
                base = f"{name.replace('-', '_')}-{version}"
                pkg_info = f"Metadata-Version: 2.1\\nName: {name}\\nVersion: {version}\\n".encode()
                with tarfile.open(os.path.join(sdist_directory, base + ".tar.gz"), "w:gz") as sdist:
                    for path in sorted(os.listdir(".")):
                        if path != "PKG-INFO":
                            sdist.add(path, arcname=base + "/" + path)
                    entry = tarfile.TarInfo(base + "/PKG-INFO")
                    entry.size = len(pkg_info)
                    sdist.addfile(entry, io.BytesIO(pkg_info))
                return base + ".tar.gz"
            """;

    private TinyBackend() {
    }

    /** Writes the backend's wheel into {@code directory}. */
    static Path writeWheel(Path directory) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("tiny_backend.py", MODULE.getBytes(StandardCharsets.UTF_8));
        files.put("tiny_backend-1.0.dist-info/METADATA",
                "Metadata-Version: 2.1\nName: tiny-backend\nVersion: 1.0\n".getBytes(StandardCharsets.UTF_8));
        files.put("tiny_backend-1.0.dist-info/WHEEL", ("Wheel-Version: 1.0\nGenerator: assay-test\n"
                + "Root-Is-Purelib: true\nTag: py3-none-any\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        files.forEach((path, content) -> record.append(path).append(",sha256=").append(sha256(content)).append(',')
                .append(content.length).append('\n'));
        record.append("tiny_backend-1.0.dist-info/RECORD,,\n");
        files.put("tiny_backend-1.0.dist-info/RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        Path wheel = Files.createDirectories(directory).resolve(WHEEL);
        try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return wheel;
    }

    private static String sha256(byte[] content) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
