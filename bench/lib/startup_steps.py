"""Prints the slowest of Spring's start-up steps from `jfr print --json --events FlightRecorderStartupEvent`.

A step's time includes the steps inside it (a bean's includes the beans it needed); beans are named by their tags.
"""
import json
import re
import sys


def millis(duration):
    # JFR's JSON gives durations as ISO-8601 (PT1.234S, PT0.000123S, PT1M2.5S)
    match = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", duration)
    hours, minutes, seconds = (float(group or 0) for group in match.groups())
    return ((hours * 60 + minutes) * 60 + seconds) * 1000


events = json.load(sys.stdin)["recording"]["events"]
steps = []
for event in events:
    values = event["values"]
    tags = values.get("tags") or ""
    name = values.get("name", "?")
    steps.append((millis(values["duration"]), f"{name} {tags}".strip()))
steps.sort(reverse=True)
for ms, step in steps[:int(sys.argv[1]) if len(sys.argv) > 1 else 25]:
    print(f"{ms:9,.0f}  {step[:150]}")
