"""Who computes first in a server worker (server.scheduling): the priority gate, the
classification of requests, and article checks in processes of their own."""

from __future__ import annotations

import asyncio
import os
from dataclasses import replace

import pytest
from starlette.testclient import TestClient

from termbase.server.app import create_app
from termbase.server.scheduling import (
    MEMORY,
    OTHER,
    QUICK,
    PriorityGate,
    request_priority,
)
from tests.server_fixtures import make_desk
from tests.test_server import token_for

ARTICLE = "Delegasi membahas proyek Jalur Sutra Baru di Jakarta.\n"


# --- the gate -------------------------------------------------------------------------
def test_the_gate_lets_in_waiters_by_priority_then_arrival():
    async def scenario() -> list[str]:
        gate, order = PriorityGate(1, reserved=0), []
        await gate.acquire(OTHER)  # the slot is taken

        async def wait(name: str, priority: int) -> None:
            await gate.acquire(priority)
            order.append(name)
            await asyncio.sleep(0)
            gate.release()

        waiters = [asyncio.create_task(wait(name, priority)) for name, priority in
                   [("check", OTHER), ("lookup-1", QUICK), ("search", MEMORY),
                    ("lookup-2", QUICK)]]
        await asyncio.sleep(0.01)
        assert order == [] and gate.waiting == 4
        gate.release()
        await asyncio.gather(*waiters)
        assert gate.free == 1
        return order

    assert asyncio.run(scenario()) == ["lookup-1", "lookup-2", "search", "check"]


def test_the_gate_admits_as_many_as_it_has_slots_at_once():
    async def scenario() -> int:
        gate, running, most = PriorityGate(3, reserved=0), 0, 0

        async def work() -> None:
            nonlocal running, most
            await gate.acquire(MEMORY)
            running += 1
            most = max(most, running)
            await asyncio.sleep(0.005)
            running -= 1
            gate.release()

        await asyncio.gather(*(work() for _ in range(12)))
        return most

    assert asyncio.run(scenario()) == 3


def test_a_waiter_that_goes_away_does_not_keep_the_slot():
    async def scenario() -> list[str]:
        gate, order = PriorityGate(1, reserved=0), []
        await gate.acquire(OTHER)
        gone = asyncio.create_task(gate.acquire(QUICK))

        async def stays() -> None:
            await gate.acquire(MEMORY)
            order.append("stays")
            gate.release()

        staying = asyncio.create_task(stays())
        await asyncio.sleep(0.01)
        gone.cancel()  # the client of the look-up disconnected
        await asyncio.sleep(0)
        gate.release()
        await asyncio.wait_for(staying, 1)
        assert gate.free == 1
        return order

    assert asyncio.run(scenario()) == ["stays"]


def test_the_last_free_slot_is_kept_for_quick_requests():
    async def scenario() -> list[str]:
        gate, order = PriorityGate(2, reserved=1), []
        await gate.acquire(MEMORY)  # one slow search computing, one slot free

        async def wait(name: str, priority: int) -> None:
            await gate.acquire(priority)
            order.append(name)

        search = asyncio.create_task(wait("search", MEMORY))
        await asyncio.sleep(0.01)
        assert order == []  # the free slot is not a search's
        lookup = asyncio.create_task(wait("lookup", QUICK))
        await asyncio.wait_for(lookup, 1)  # ...but a look-up's, at once
        gate.release()  # the first search ends: the reserve is whole again
        await asyncio.sleep(0.01)
        assert order == ["lookup"]
        gate.release()  # the look-up ends: the waiting search may have a slot
        await asyncio.wait_for(search, 1)
        return order

    assert asyncio.run(scenario()) == ["lookup", "search"]


@pytest.mark.parametrize("slots,reserved", [(0, 0), (1, 1), (2, -1)])
def test_a_gate_needs_a_slot_beyond_its_reserve(slots, reserved):
    with pytest.raises(ValueError):
        PriorityGate(slots, reserved)


@pytest.mark.parametrize("method,path,apart,priority", [
    ("GET", "/api/v1/lookup", True, QUICK),
    ("GET", "/lookup/results", True, QUICK),
    ("GET", "/api/v1/tm/search", True, MEMORY),
    ("POST", "/api/v1/tm/units", True, QUICK),
    ("GET", "/api/v1/tm/units", True, MEMORY),
    ("GET", "/memory", True, MEMORY),
    ("POST", "/api/v1/check", True, None),
    ("POST", "/api/v1/check", False, OTHER),
    ("POST", "/check", True, None),
    ("GET", "/check", True, OTHER),  # the empty form is a page like any other
    ("GET", "/glossary", True, OTHER),
    ("GET", "/static/desk.css", True, None),
])
def test_requests_are_ranked_by_what_they_ask(method, path, apart, priority):
    assert request_priority(method, path, apart) == priority


# --- the examples a look-up shows -----------------------------------------------------
def test_a_write_drops_the_kept_examples_of_the_terms_it_holds_only(tmp_path):
    from termbase.model import TranslationUnit
    from termbase.server.desk import Desk

    desk = Desk(make_desk(tmp_path).settings)
    kept = (0.0, [])
    desk._examples = {"Sabuk dan Jalan": kept, "nota kesepahaman": kept}
    desk.memory_changed([TranslationUnit("Proyek Sabuk dan Jalan dibahas lagi.",
                                         "The Belt and Road project was discussed again.",
                                         "id", "en")])
    assert list(desk._examples) == ["nota kesepahaman"]
    desk.memory_changed()  # an import: anything may have changed
    assert desk._examples == {}


# --- checks in processes of their own ---------------------------------------------------
@pytest.fixture(scope="module")
def lane_desk(tmp_path_factory):
    """A desk whose checks run in one check process, and one that checks in place."""
    desk = make_desk(tmp_path_factory.mktemp("lane"))
    apart = create_app(replace(desk.settings, check_processes=1))
    tokens = {role: token_for(desk, role) for role in ("reader", "terminologist")}
    with TestClient(apart, base_url="http://desk.test") as client:  # runs the lifespan
        yield desk, client, apart.state.desk, tokens


def test_a_check_in_a_check_process_answers_as_one_in_the_worker(lane_desk):
    desk, client, _, tokens = lane_desk
    in_place = TestClient(create_app(desk.settings), base_url="http://desk.test")
    reader = tokens["reader"]
    text = "Kerja sama diplomaltik  antar pemerintah terus berjalan.\n"
    for fix in (False, True):
        apart = client.post("/api/v1/check", json={"text": text, "fix": fix}, headers=reader)
        here = in_place.post("/api/v1/check", json={"text": text, "fix": fix}, headers=reader)
        assert apart.status_code == here.status_code == 200, apart.text
        assert apart.json() == here.json()
        assert apart.json()["findings"]


def test_the_check_process_yields_the_cpu_to_the_worker(lane_desk):
    desk, client, served, tokens = lane_desk
    client.post("/api/v1/check", json={"text": ARTICLE}, headers=tokens["reader"])
    processes = list(served.check_lane._executor._processes)
    assert len(processes) == 1
    assert os.sched_getscheduler(0) == os.SCHED_OTHER  # the worker: as it was
    lowered = (os.sched_getscheduler(processes[0]) == os.SCHED_IDLE
               or os.getpriority(os.PRIO_PROCESS, processes[0])
               > os.getpriority(os.PRIO_PROCESS, 0))
    assert lowered


def test_the_check_page_uses_the_check_process_too(lane_desk):
    from tests.test_server import csrf_of, sign_in

    desk, client, _, tokens = lane_desk
    sign_in(client, "reader")
    answer = client.post("/check", data={"text": "Kerja sama diplomaltik berjalan.",
                                         "csrf": csrf_of(client)})
    assert answer.status_code == 200
    assert "diplomaltik" in answer.text and "diplomatik" in answer.text


def test_a_deprecation_is_the_check_processes_rule_on_the_next_check(lane_desk):
    desk, client, _, tokens = lane_desk
    reader = tokens["reader"]
    before = client.post("/api/v1/check", json={"text": ARTICLE}, headers=reader).json()
    assert not [f for f in before["findings"] if f["text"] == "Jalur Sutra Baru"]
    done = client.post("/api/v1/glossary/deprecate", headers=tokens["terminologist"],
                       json={"term": "Jalur Sutra Baru", "use": "Sabuk dan Jalan"})
    assert done.status_code == 200, done.text
    after = client.post("/api/v1/check", json={"text": ARTICLE}, headers=reader).json()
    flagged = [f for f in after["findings"] if f["text"] == "Jalur Sutra Baru"]
    assert flagged and "Sabuk dan Jalan" in flagged[0]["suggestions"]


def test_a_check_process_that_dies_costs_one_check_not_the_lane(lane_desk):
    import signal

    desk, client, served, tokens = lane_desk
    reader = tokens["reader"]
    client.post("/api/v1/check", json={"text": ARTICLE}, headers=reader)
    for pid in list(served.check_lane._executor._processes):
        os.kill(pid, signal.SIGKILL)
    lost = client.post("/api/v1/check", json={"text": ARTICLE}, headers=reader)
    assert lost.status_code == 503 and "send it again" in lost.json()["error"]
    again = client.post("/api/v1/check", json={"text": ARTICLE}, headers=reader)
    assert again.status_code == 200, again.text


def test_a_busy_database_is_a_503_to_send_again(tmp_path):
    from termbase.errors import Busy

    class Saturated:  # every connection of the pool taken for longer than the wait
        def __getattr__(self, name: str) -> object:
            raise Busy("the database is busy: no connection was free within 10 s",
                       "postgresql://desk@db.example/termbase")

    desk = make_desk(tmp_path)
    app = create_app(desk.settings)
    app.state.desk.memory = Saturated
    client = TestClient(app, base_url="http://desk.test")
    busy = client.get("/api/v1/tm/search", params={"q": "Harga minyak turun."},
                      headers=token_for(desk, "reader"))
    assert busy.status_code == 503 and busy.headers["retry-after"] == "1"
    assert busy.json() == {"error": "the database is busy: no connection was free "
                                    "within 10 s"}


def test_a_write_while_look_ups_add_examples_does_not_fail(tmp_path):
    # Look-up threads add kept examples while a write's thread drops some: the write
    # failed with "dictionary changed size during iteration" under load, and again (once
    # in a full test run) after its copy of the dict, which an allocation can interrupt.
    import sys
    import threading

    from termbase.model import TranslationUnit
    from termbase.server.desk import Desk

    desk = Desk(make_desk(tmp_path).settings)
    desk._examples = {f"istilah {n}": (0.0, []) for n in range(500)}
    stop = threading.Event()

    def add_examples() -> None:
        for n in range(10_000):  # the dict grows while the write drops terms
            if stop.is_set():
                return
            desk.keep_examples(desk._examples, {f"baru {n}": []}, 0.0)

    adder = threading.Thread(target=add_examples)
    switching = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # hand the interpreter over as often as it can
    adder.start()
    try:
        for _ in range(10):
            desk.memory_changed([TranslationUnit("Istilah 7 dibahas.", "Term 7 was discussed.",
                                                 "id", "en")])
    finally:
        stop.set()
        adder.join()
        sys.setswitchinterval(switching)
    assert "istilah 7" not in desk._examples and "istilah 8" in desk._examples
