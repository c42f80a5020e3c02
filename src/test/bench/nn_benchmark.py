"""PyTorch on the workload of org.energylab.bench.NetworkBenchmark, for comparison.

A 2-64-64-1 tanh network in double precision on one thread: (a) one training step on a
batch of 256 (forward, mean squared error, backward, plain gradient descent) and (b) a
forward pass over a 200 x 200 grid of inputs, also (c) in single precision. Prints one JSON object with the median
milliseconds of each. Run through src/test/bench/nn-vs-pytorch.sh.
"""

import copy
import json
import statistics
import sys
import time

import torch

BATCH = 256
GRID = 200
LEARNING_RATE = 0.01


def timed(function, seconds):
    """Median milliseconds per call over rounds of about 0.1 s, after a warm-up of 1 s."""
    deadline = time.perf_counter() + 1.0
    while time.perf_counter() < deadline:
        function()
    rounds = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        calls = 0
        start = time.perf_counter()
        while time.perf_counter() - start < 0.1:
            function()
            calls += 1
        rounds.append((time.perf_counter() - start) / calls * 1e3)
    return statistics.median(rounds)


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    torch.set_num_threads(1)
    torch.manual_seed(0)
    dtype = torch.float64
    network = torch.nn.Sequential(
        torch.nn.Linear(2, 64), torch.nn.Tanh(),
        torch.nn.Linear(64, 64), torch.nn.Tanh(),
        torch.nn.Linear(64, 1)).to(dtype)
    optimiser = torch.optim.SGD(network.parameters(), lr=LEARNING_RATE)
    x = torch.randn(BATCH, 2, dtype=dtype)
    y = torch.randn(BATCH, 1, dtype=dtype)

    def training_step():
        optimiser.zero_grad(set_to_none=True)
        loss = ((network(x) - y) ** 2).mean()
        loss.backward()
        optimiser.step()

    axis = torch.linspace(-3, 3, GRID, dtype=dtype)
    grid = torch.cartesian_prod(axis, axis)

    def grid_forward():
        with torch.no_grad():
            network(grid)

    single = copy.deepcopy(network).to(torch.float32)
    single_grid = grid.to(torch.float32)

    def grid_forward_single():
        with torch.no_grad():
            single(single_grid)

    print(json.dumps({
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "trainingStep": timed(training_step, seconds),
        "gridForward": timed(grid_forward, seconds),
        "gridForwardSingle": timed(grid_forward_single, seconds),
    }))


if __name__ == "__main__":
    main()
