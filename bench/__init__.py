"""The benchmark harness: `python -m bench` prints every figure as a ratio against a baseline."""
