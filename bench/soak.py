"""Mixed load against one running Assay server for a given time (a measurement, not a test).

Called by bench/soak.sh, which starts the server. Threads, each looping until the deadline:
uploads of small wheels (the form twine sends), pip installs from /simple/, git pushes to a project's
repository, and page and API reads; a sampler reads the server's RSS from /proc. Prints errors, p50/p99
latency per kind and the RSS over time. Only loopback traffic.
"""
import base64
import hashlib
import io
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zipfile

URL, TOKEN, SECONDS, PID, WORK, PYTHON = sys.argv[1].rstrip("/"), sys.argv[2], int(sys.argv[3]), sys.argv[4], \
    sys.argv[5], sys.argv[6]
RSS_EVERY = int(os.environ.get("SOAK_RSS_EVERY", "30"))
PROJECTS = [f"soak-{i}" for i in range(8)]
AUTH = "Basic " + base64.b64encode(f"__token__:{TOKEN}".encode()).decode()
PIP_ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01"
deadline = time.monotonic() + SECONDS
lock = threading.Lock()
samples = {}   # kind -> [milliseconds]
errors = {}    # kind -> [message]
versions = {}  # project -> [versions uploaded]
counter = [0]


def record(kind, started, error=None):
    with lock:
        samples.setdefault(kind, []).append((time.monotonic() - started) * 1000)
        if error:
            errors.setdefault(kind, []).append(error)


def request(path, data=None, headers=None):
    req = urllib.request.Request(URL + path, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as failure:
        return failure.code, failure.read()


def wheel(name, version):
    escaped = name.replace("-", "_")
    info = f"{escaped}-{version}.dist-info/"
    metadata = (f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: soak test package\n"
                f"Requires-Python: >=3.8\nRequires-Dist: soak-0; extra == 'all'\nProvides-Extra: all\n\nSoak.\n")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{escaped}/__init__.py", f"VERSION = '{version}'\n" + "# padding\n" * 200)
        archive.writestr(info + "METADATA", metadata)
        archive.writestr(info + "WHEEL", "Wheel-Version: 1.0\nGenerator: soak\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        archive.writestr(info + "RECORD", "")
    return f"{escaped}-{version}-py3-none-any.whl", out.getvalue(), metadata


def upload_loop():
    while time.monotonic() < deadline:
        with lock:
            counter[0] += 1
            number = counter[0]
        name = PROJECTS[number % len(PROJECTS)]
        version = f"1.0.{number}"
        filename, content, _ = wheel(name, version)
        fields = {":action": "file_upload", "protocol_version": "1", "metadata_version": "2.1", "name": name,
                  "version": version, "filetype": "bdist_wheel", "pyversion": "py3", "summary": "soak test package",
                  "requires_python": ">=3.8", "sha256_digest": hashlib.sha256(content).hexdigest()}
        boundary = "soak" + os.urandom(8).hex()
        body = b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
                        for key, value in fields.items())
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="content"; filename="{filename}"\r\n'
                 f"Content-Type: application/octet-stream\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
        started = time.monotonic()
        try:
            status, answer = request("/legacy/", body, {"Authorization": AUTH,
                                                        "Content-Type": f"multipart/form-data; boundary={boundary}"})
            record("upload", started, None if status == 200 else f"{status} {answer[:200]!r}")
            if status == 200:
                with lock:
                    versions.setdefault(name, []).append(version)
        except Exception as failure:  # a refused connection or a timeout is an error of the run, not a crash
            record("upload", started, repr(failure))


def known():
    with lock:
        ready = [(name, list(done)) for name, done in versions.items() if done]
    return random.choice(ready) if ready else (None, [])


def read_loop():
    while time.monotonic() < deadline:
        name, done = known()
        if name is None:
            time.sleep(0.2)
            continue
        version = random.choice(done)
        path, headers = random.choice([
            ("/", {}), ("/simple/", {}), (f"/simple/{name}/", {"Accept": PIP_ACCEPT}), (f"/simple/{name}/", {}),
            (f"/project/{name}/", {}), (f"/project/{name}/{version}/", {}), (f"/pypi/{name}/json", {}),
            (f"/pypi/{name}/{version}/json", {}), ("/search?q=soak", {}),
            (f"/api/v1/projects/{name}/dependencies?version={version}", {}),
            (f"/files/{name}/{name.replace('-', '_')}-{version}-py3-none-any.whl", {}),
            (f"/files/{name}/{name.replace('-', '_')}-{version}-py3-none-any.whl.metadata", {})])
        started = time.monotonic()
        try:
            status, answer = request(path, headers=headers)
            record("read", started, None if status == 200 else f"{status} GET {path} {answer[:200]!r}")
        except Exception as failure:
            record("read", started, f"GET {path} {failure!r}")


def pip_loop():
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    while time.monotonic() < deadline:
        name, _ = known()
        if name is None:
            time.sleep(0.5)
            continue
        with tempfile.TemporaryDirectory(dir=WORK) as target:
            started = time.monotonic()
            run = subprocess.run([PYTHON, "-m", "pip", "--isolated", "install", "--disable-pip-version-check",
                                  "--no-cache-dir", "--quiet", "--index-url", URL + "/simple/", "--target", target,
                                  name], env=env, capture_output=True, text=True, timeout=300)
            record("pip install", started, None if run.returncode == 0 else run.stderr.strip()[-300:])


def git(*args, cwd=None):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def push_loop():
    while time.monotonic() < deadline and "soak-0" not in versions:
        time.sleep(0.5)
    remote = URL.replace("http://", f"http://__token__:{TOKEN}@") + "/git/soak-0.git"
    clone = os.path.join(WORK, "clone")
    git("init", "-q", "-b", "main", clone)
    git("config", "user.email", "soak@example.org", cwd=clone)
    git("config", "user.name", "Soak", cwd=clone)
    pushes = 0
    while time.monotonic() < deadline:
        pushes += 1
        with open(os.path.join(clone, "README.md"), "a") as readme:
            readme.write(f"change {pushes}\n")
        git("add", "README.md", cwd=clone)
        git("commit", "-q", "-m", f"change {pushes}", cwd=clone)
        started = time.monotonic()
        run = git("push", "-q", remote, "HEAD:main", cwd=clone)
        record("git push", started, None if run.returncode == 0 else run.stderr.strip()[-300:])
        time.sleep(0.5)


def rss_mb():
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return -1


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main():
    loops = [upload_loop, upload_loop, read_loop, read_loop, pip_loop, push_loop]
    threads = [threading.Thread(target=loop, daemon=True) for loop in loops]
    for thread in threads:
        thread.start()
    start = time.monotonic()
    rss = [(0, rss_mb())]
    print(f"  {0:>5} s  RSS {rss[-1][1]} MB", flush=True)
    while time.monotonic() < deadline:
        time.sleep(max(0.0, min(RSS_EVERY, deadline - time.monotonic())))
        rss.append((int(time.monotonic() - start), rss_mb()))
        with lock:
            done = sum(len(values) for values in samples.values())
            failed = sum(len(values) for values in errors.values())
        print(f"  {rss[-1][0]:>5} s  RSS {rss[-1][1]} MB  ({done} operations, {failed} errors)", flush=True)
    for thread in threads:
        thread.join(timeout=330)
    print(f"\n{'kind':<12} {'count':>7} {'errors':>7} {'p50 ms':>9} {'p99 ms':>9} {'max ms':>9}")
    for kind in ["upload", "read", "pip install", "git push"]:
        values = samples.get(kind, [])
        if values:
            print(f"{kind:<12} {len(values):>7} {len(errors.get(kind, [])):>7} {percentile(values, 0.5):>9.0f} "
                  f"{percentile(values, 0.99):>9.0f} {max(values):>9.0f}")
        else:
            print(f"{kind:<12} {0:>7}")
    total = sum(len(values) for values in errors.values())
    print(f"\nerrors: {total}")
    for kind, messages in errors.items():
        for message in messages[:5]:
            print(f"  {kind}: {message}")
    print("RSS (MB) over time: " + ", ".join(f"{seconds}s={mb}" for seconds, mb in rss))
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
