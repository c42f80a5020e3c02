#!/usr/bin/env bash
# The network engine against PyTorch (fp64, one thread) on the same machine in the same run:
# builds the test classes, runs the JMH benchmarks of org.energylab.bench.NetworkBenchmark (and,
# with --simulations, one default run of each simulation that trains a network), then
# src/test/bench/nn_benchmark.py, and prints both figures and their ratio.
#
#   src/test/bench/nn-vs-pytorch.sh [--simulations]
#
# Needs python3 with torch (Debian: apt-get install -y python3-torch). Not part of the build.
set -euo pipefail
cd "$(dirname "$0")/../../.."
export OMP_NUM_THREADS=1
PYTHON=${PYTHON:-/usr/bin/python3}
out=target/nn-bench
mkdir -p "$out"

mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$out/classpath" -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat "$out/classpath")"

benchmarks='org.energylab.bench.NetworkBenchmark'
if [[ "${1:-}" == "--simulations" ]]; then
  benchmarks="$benchmarks|org.energylab.bench.NetworkSimulationsBenchmark"
fi
java -cp "$classpath" org.openjdk.jmh.Main "$benchmarks" -rf json -rff "$out/jmh.json" > "$out/jmh.log"
"$PYTHON" src/test/bench/nn_benchmark.py > "$out/torch.json"

"$PYTHON" - "$out/jmh.json" "$out/torch.json" <<'PY'
import json, sys
jmh = {r["benchmark"].rsplit(".", 1)[1] + ("/" + r["params"]["simulation"] if r.get("params") else ""): r
       for r in json.load(open(sys.argv[1]))}
torch = json.load(open(sys.argv[2]))
print(f"PyTorch {torch['torch']}, {torch['threads']} thread; engine fp64 unless marked, OMP_NUM_THREADS=1")
print(f"{'workload':<34}{'engine ms':>12}{'± 99.9%':>10}{'PyTorch ms':>12}{'ratio':>8}")
rows = [("trainingStep", "trainingStep", "2-64-64-1 tanh step, batch 256"),
        ("gridForward", "gridForward", "200 x 200 grid forward"),
        ("gridForwardForPicture", "gridForward", "grid, engine fp32 vs PyTorch fp64"),
        ("gridForwardForPicture", "gridForwardSingle", "grid, engine fp32 vs PyTorch fp32")]
for name, reference, label in rows:
    m = jmh[name]["primaryMetric"]
    print(f"{label:<34}{m['score']:>12.3f}{m['scoreError']:>10.3f}{torch[reference]:>12.3f}{torch[reference] / m['score']:>7.1f}x")
for name, r in jmh.items():
    if name.startswith("defaultRun/"):
        m = r["primaryMetric"]
        print(f"{'default run ' + name.split('/')[1]:<34}{m['score']:>12.1f}{m['scoreError']:>10.1f}")
PY
