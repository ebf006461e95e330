"""Progress display of the generator (standard library: one line per step, a
live counter on a tty)."""

import sys
import time


class Progress:
    def __init__(self, stream=None, enabled: bool = True):
        self.stream = stream or sys.stdout
        self.enabled = enabled
        self.start = time.monotonic()
        self.timings: dict[str, float] = {}
        self.counts: dict[str, int] = {}
        self._step_start = self.start
        self._step = ""

    def step(self, name: str) -> None:
        self._finish()
        self._step = name
        self._step_start = time.monotonic()
        if self.enabled and self._tty():
            self._write(f"  {name} …", end="")

    def count(self, label: str, n: int) -> None:
        self.counts[label] = self.counts.get(label, 0) + n

    def _tty(self) -> bool:
        return getattr(self.stream, "isatty", lambda: False)()

    def tick(self, done: int, total: int) -> None:
        if self.enabled and self._tty():
            bar = "#" * int(30 * done / max(total, 1))
            self._write(f"\r  {self._step} [{bar:<30}] {done:,}/{total:,}", end="")

    def _finish(self) -> None:
        if self._step:
            took = time.monotonic() - self._step_start
            self.timings[self._step] = round(took, 2)
            if self.enabled:
                self._write(f"\r  {self._step}: {took:6.1f} s{' ' * 30}")
        self._step = ""

    def done(self) -> float:
        self._finish()
        return round(time.monotonic() - self.start, 2)

    def _write(self, text: str, end: str = "\n") -> None:
        self.stream.write(text + end)
        self.stream.flush()
