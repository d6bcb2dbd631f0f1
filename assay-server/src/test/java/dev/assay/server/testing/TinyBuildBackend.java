package dev.assay.server.testing;

/**
 * A hand-written PEP 517 build backend in pure Python (zipfile, tomllib), to be packed as a project's
 * {@code MODULE/__init__.py}: a build succeeds with it only where its wheel was installed from the index.
 */
public final class TinyBuildBackend {

    /** The backend's source: {@code build_wheel} packs the project's package named after it, with its metadata. */
    public static final String SOURCE = """
            import base64, hashlib, os, tomllib, zipfile


            def get_requires_for_build_wheel(config_settings=None):
                return []


            def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
                with open("pyproject.toml", "rb") as f:
                    project = tomllib.load(f)["project"]
                name, version = project["name"], project["version"]
                dist = name.replace("-", "_")
                info = f"{dist}-{version}.dist-info"
                filename = f"{dist}-{version}-py3-none-any.whl"
                records = []
                with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w") as wheel:
                    def add(path, data):
                        wheel.writestr(path, data)
                        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                        records.append(f"{path},sha256={digest},{len(data)}")
                    for root, _, files in os.walk(dist):
                        for file in sorted(files):
                            with open(os.path.join(root, file), "rb") as source:
                                add(os.path.join(root, file), source.read())
                    add(info + "/METADATA", f"Metadata-Version: 2.1\\nName: {name}\\nVersion: {version}\\n".encode())
                    add(info + "/WHEEL", b"Wheel-Version: 1.0\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n")
                    records.append(info + "/RECORD,,")
                    wheel.writestr(info + "/RECORD", "\\n".join(records) + "\\n")
                return filename
            """;

    private TinyBuildBackend() {
    }

    /** The {@code pyproject.toml} of project {@code name} {@code version} built by {@code backend} (a module). */
    public static String pyproject(String requirement, String backend, String name, String version) {
        return """
                [build-system]
                requires = ["%s"]
                build-backend = "%s"

                [project]
                name = "%s"
                version = "%s"
                """.formatted(requirement, backend, name, version);
    }
}
