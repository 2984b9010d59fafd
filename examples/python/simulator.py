"""Starts and stops the iamport-mock single-file server for a test run, with the standard library.

The server is `iamport-mock.mjs` (a release asset, or dist/bin/ in a clone after `npm run build`);
IAMPORT_MOCK_BIN points at it, else this repository's dist/bin/ is used. `--port 0` lets it pick a
free port; the base URL is read from its ready line, so parallel jobs never collide.
"""
import json
import os
import re
import subprocess
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_BIN = os.path.join(HERE, "..", "..", "dist", "bin", "iamport-mock.mjs")
READY = re.compile(r"iamport-mock ready on (http://\S+)")


class Simulator:
    def __init__(self, *flags):
        self.bin = os.environ.get("IAMPORT_MOCK_BIN") or DEFAULT_BIN
        self.flags = ["--port", "0", "--log-level", "warn", *flags]
        self.process = None
        self.url = None

    def start(self):
        self.process = subprocess.Popen(
            [os.environ.get("NODE", "node"), self.bin, *self.flags],
            stdout=subprocess.PIPE,
            text=True,
        )
        for line in self.process.stdout:
            match = READY.search(line)
            if match:
                self.url = match.group(1)
                return self
        raise RuntimeError(f"iamport-mock exited with {self.process.wait()} before its ready line")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        if self.process:
            self.process.stdout.close()


def call(base, method, path, body=None, token=None):
    """One JSON request; returns (HTTP status, decoded body). Error statuses are answers too."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")
