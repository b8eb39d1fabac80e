"""Who computes first in a server worker, and where article checks run.

A worker's requests share one interpreter lock. Left to the thread pool, forty requests
would compute at once and each take forty times as long, so a look-up typed into the
search box waited for every search and check in front of it (benchmarks/bench_serve.py:
p95 of seconds). Two remedies, both in this module:

* PriorityGate lets a few requests compute at a time and admits the waiting ones by
  priority, then by arrival: look-ups and memory writes, then memory searches, then
  the rest; its last free slot is kept for the first kind.
* CheckLane runs article checks, the longest requests, in processes of their own at
  the lowest CPU priority (SCHED_IDLE on Linux, else nice), so that a queue of checks
  takes what the look-ups and searches leave and never holds them up. A check waits;
  a look-up does not.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

if TYPE_CHECKING:
    from termbase.server.desk import Desk

# Requests computing at once in one worker. A request waiting for PostgreSQL holds its
# place without using the interpreter, so too few leave the worker idle: at four, p95
# of a PostgreSQL search under bench_serve.py's load was 955 ms, at eight 404 ms.
COMPUTE_SLOTS = 8
RESERVED_SLOTS = 1  # of them, free only to QUICK requests
# How much nicer (lower CPU priority) a check process is than the worker that started it.
CHECK_NICENESS = 10

# Look-ups and memory writes are quick and someone waits for each; searches and
# concordances take longer; the rest (pages, glossary edits, exports) longest.
QUICK, MEMORY, OTHER = 0, 1, 2
# (method or None for any, path prefix, priority or None for ungated); the first that
# fits decides. Paths absent here are OTHER.
PRIORITIES: tuple[tuple[str | None, str, int | None], ...] = (
    (None, "/static/", None),
    (None, "/api/v1/lookup", QUICK),
    (None, "/lookup/results", QUICK),
    ("POST", "/api/v1/tm/units", QUICK),
    (None, "/api/v1/tm/", MEMORY),
    (None, "/memory", MEMORY),
)
CHECKS = {("POST", "/api/v1/check"), ("POST", "/check")}


def request_priority(method: str, path: str, checks_apart: bool) -> int | None:
    """The priority of a request (lower first), or None for one that is not gated. A
    check is gated only when it computes in the worker itself (no CheckLane)."""
    if (method, path) in CHECKS:
        return None if checks_apart else OTHER
    for wanted_method, prefix, priority in PRIORITIES:
        if wanted_method in (None, method) and path.startswith(prefix):
            return priority
    return OTHER


class PriorityGate:
    """At most `slots` holders at once; waiters are let in by priority, then arrival,
    and the last `reserved` free slots only to the most urgent (QUICK): a look-up never
    waits for four slow searches to end. Used from one event loop (a worker's)."""

    def __init__(self, slots: int, reserved: int = 1):
        if slots < 1 or not 0 <= reserved < slots:
            raise ValueError("a gate needs a slot, and one more than it reserves")
        self.free = slots
        self.reserved = reserved
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._arrivals = itertools.count()

    @property
    def waiting(self) -> int:
        return sum(1 for *_, future in self._waiting if not future.done())

    async def acquire(self, priority: int) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (priority, next(self._arrivals), future))
        self._admit()
        try:
            await future
        except asyncio.CancelledError:
            # A client that went away: if its turn had already come, pass it on.
            if future.done() and not future.cancelled():
                self.release()
            raise

    def release(self) -> None:
        self.free += 1
        self._admit()

    def _admit(self) -> None:
        """Let in waiters, most urgent first, while a slot is free to them."""
        while self._waiting:
            priority, _, future = self._waiting[0]
            if future.done():  # a waiter that was cancelled
                heapq.heappop(self._waiting)
                continue
            if self.free <= (0 if priority == QUICK else self.reserved):
                return  # the rest are no more urgent
            heapq.heappop(self._waiting)
            self.free -= 1
            future.set_result(None)


class Scheduling:
    """ASGI middleware: a gated request holds a slot of the worker's gate from when its
    body has arrived whole until its answer starts, so a slow upload or a slow reader
    holds none."""

    def __init__(self, app: ASGIApp, slots: int, checks_apart: bool):
        self.app = app
        self.gate = PriorityGate(slots, min(RESERVED_SLOTS, slots - 1))
        self.checks_apart = checks_apart

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        priority = None
        if scope["type"] == "http":
            priority = request_priority(scope["method"], scope["path"], self.checks_apart)
        if priority is None:
            await self.app(scope, receive, send)
            return
        arrived = await _whole_body(receive)
        await self.gate.acquire(priority)
        held = True

        async def replay() -> Message:
            return arrived.pop(0) if arrived else await receive()

        async def releasing_send(message: Message) -> None:
            nonlocal held
            if held and message["type"] == "http.response.start":
                held = False
                self.gate.release()
            await send(message)

        try:
            await self.app(scope, replay, releasing_send)
        finally:
            if held:
                self.gate.release()


async def _whole_body(receive: Receive) -> list[Message]:
    """The request's body messages, read to the end (or to the client's going away)."""
    messages: list[Message] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request" or not message.get("more_body", False):
            return messages


# --- checks in processes of their own ---------------------------------------------------
_lane_desk: Desk | None = None


def _lower_priority() -> None:
    """Linux's SCHED_IDLE: the process runs when nothing else wants the CPU, so under
    load checks take only what look-ups, searches and the database leave (a nice of
    10 still took a tenth of each busy core from them). Elsewhere, a higher nice."""
    try:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        return
    except (AttributeError, OSError):
        pass
    with contextlib.suppress(OSError):  # a platform without nice still checks
        os.nice(CHECK_NICENESS)


def _start_lane(settings_json: str) -> None:
    """In a check process: lower its priority, open the desk, build the checker."""
    global _lane_desk
    from termbase.server.desk import Desk, settings_from_json

    _lower_priority()
    settings = settings_from_json(settings_json)
    settings.check_processes = 0  # this process checks itself
    _lane_desk = Desk(settings)
    _lane_desk.context()  # the first check should not wait for it


def _check_in_lane(text: str, name: str, fix: bool) -> dict[str, Any]:
    from termbase.server.work import check_article

    assert _lane_desk is not None, "a check process starts with _start_lane"
    return check_article(_lane_desk, text, name, fix=fix)


class LaneBroken(Exception):
    """A check process died (killed, out of memory): the check is lost, the lane starts
    new processes for the next one."""


class CheckLane:
    """Article checks in `processes` processes of lower CPU priority, each with its own
    desk over the same settings: it reloads an edited glossary as a worker does, so a
    deprecation is on the next check here too."""

    def __init__(self, settings_json: str, processes: int,
                 start: Callable[[str], None] = _start_lane):
        self._settings_json = settings_json
        self._processes = processes
        self._start = start
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                import multiprocessing

                # spawn: a fork of a worker would copy its threads' locks mid-use
                self._executor = ProcessPoolExecutor(
                    self._processes, mp_context=multiprocessing.get_context("spawn"),
                    initializer=self._start, initargs=(self._settings_json,))
            return self._executor

    def submit(self, text: str, name: str, fix: bool) -> Future[dict[str, Any]]:
        try:
            return self._pool().submit(_check_in_lane, text, name, fix)
        except BrokenProcessPool:
            self._restart()
            return self._pool().submit(_check_in_lane, text, name, fix)

    def check(self, text: str, name: str, fix: bool) -> dict[str, Any]:
        """The check's payload, waiting for it in this thread."""
        try:
            return self.submit(text, name, fix).result()
        except BrokenProcessPool:
            self._restart()
            raise LaneBroken() from None

    async def check_async(self, text: str, name: str, fix: bool) -> dict[str, Any]:
        """The check's payload, awaited on the event loop (no thread waits for it)."""
        try:
            return await asyncio.wrap_future(self.submit(text, name, fix))
        except BrokenProcessPool:
            self._restart()
            raise LaneBroken() from None

    def _restart(self) -> None:
        with self._lock:
            broken, self._executor = self._executor, None
        if broken is not None:
            broken.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
