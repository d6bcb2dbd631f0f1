"""Times REQUESTS GET requests on one keep-alive connection and prints "label: p50 X ms, p99 Y ms (n, bytes)".

Arguments: label, base URL (http://host:port), path template, requests, projects, then optional headers
"Name: value". In the template, {n} becomes a project number drawn at random from 1..projects, so that the
requests spread over the index instead of hitting one warm page. Any status other than 200 or 304 is counted.
"""
import http.client
import random
import statistics
import sys
import time
from urllib.parse import urlsplit

label, base, template, requests, projects = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
headers = dict(h.split(": ", 1) for h in sys.argv[6:])
url = urlsplit(base)
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
random.seed(15)
times, failures, size, encoding = [], {}, 0, ""
for i in range(requests):
    path = template.replace("{n}", str(random.randint(1, projects)))
    start = time.perf_counter()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    times.append((time.perf_counter() - start) * 1000)
    if response.status not in (200, 304):
        failures[response.status] = failures.get(response.status, 0) + 1
    size = len(body)
    encoding = response.getheader("Content-Encoding") or encoding
times.sort()
p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
note = f", {sum(failures.values())} failed: {failures}" if failures else ""
print(f"  {label:<34} p50 {statistics.median(times):8.1f} ms  p99 {p99:8.1f} ms  "
      f"(n={len(times)}, {size:,} bytes{', ' + encoding if encoding else ''}{note})")
