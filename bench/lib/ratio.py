"""Prints the medians and the ratio assay/baseline (median, min-max over rounds) of two alternating measures.

Reads lines "ASSAY BASELINE" from stdin; arguments: label, unit, and optionally the goal as text. The ratio
is of the figures as measured, as the benchmark section of the README states them: for requests per second
higher is better (0.5x is half the baseline's throughput), for milliseconds lower is (1.5x takes half as
long again as the baseline).
"""
import statistics
import sys

label, unit = sys.argv[1], sys.argv[2]
goal = f" (goal {sys.argv[3]})" if len(sys.argv) > 3 else ""
pairs = [tuple(map(float, line.split())) for line in sys.stdin if line.strip()]
if not pairs:
    sys.exit(f"{label}: no rounds measured")
ratios = [a / b if b > 0 else float("nan") for a, b in pairs]
assay = statistics.median(a for a, _ in pairs)
baseline = statistics.median(b for _, b in pairs)
print(f"{label:<36} assay {assay:,.1f} {unit}, baseline {baseline:,.1f} {unit}: "
      f"{statistics.median(ratios):.2f}x (rounds {min(ratios):.2f}-{max(ratios):.2f}, n={len(pairs)}){goal}")
