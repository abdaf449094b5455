"""Festival scale: a generated festival shaped like Folkemødet (about 3,000 events in some 150
venues over four days), built whole — programme, every named person's badge, the tents and
the door posters — and timed.

Each size runs in a fresh process (so peak RSS is that run's own) and prints the wall time of
reading and checking the event file, of the whole build, the CPU time (less sensitive than
wall time to other jobs on a shared machine; a festival's build makes its signs in a second
process, ``pipeline.share``, whose CPU time is counted in) and the peak memory of each
process. Usage:

    python benchmarks/festival.py                  # 300, 1,500 and 3,000 sessions
    python benchmarks/festival.py 3000             # one size
    python benchmarks/festival.py --profile 3000   # where the time goes (cProfile, top 30)
    python benchmarks/festival.py --one-core 3000  # pinned to one CPU: one process, no fork
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DAYS = ("2026-06-11", "2026-06-12", "2026-06-13", "2026-06-14")
FIRST, LAST = 9 * 60, 21 * 60  # minutes: the day's first start and last end
KINDS = ("panel", "panel", "talk", "talk", "talk", "keynote", "workshop")
GIVEN = ("Anna", "Søren", "Mette", "Jonas", "Freja", "Mohammed", "Ingrid", "Kasper", "Ngozi")
FAMILY = ("Jensen", "Nielsen", "Ørsted", "Kildegaard", "Okafor", "Holm", "Berg", "Lund")
ORGS = ("KL", "Danmarks Radio", "Aarhus Universitet", "Dansk Industri", "Region Sjælland")
TOPICS = ("velfærd", "klima", "digitalisering", "sundhed", "uddannelse", "landdistrikter")


def venues(count: int) -> list[dict]:
    return [
        {"name": f"Telt {i + 1}", "area": f"{'ABCDEFGH'[i % 8]}{i // 8 + 1}"} for i in range(count)
    ]


def festival(sessions: int, venue_count: int, seed: int = 2026) -> dict:
    """``sessions`` events spread over four days and ``venue_count`` venues, one at a time in
    each venue, each person (from a pool of about one per session) in one place at a time."""
    rng = random.Random(seed)
    rooms = venues(venue_count)
    pool = [
        {
            "name": f"{rng.choice(GIVEN)} {rng.choice(FAMILY)} {i}",
            "title": rng.choice(("Direktør", "Professor", "Formand", "Chefkonsulent")),
            "organisation": rng.choice(ORGS),
        }
        for i in range(sessions)
    ]
    busy: dict[str, list[tuple[str, int, int]]] = {}
    listed = []
    slots = [(day, room) for day in DAYS for room in range(venue_count)]
    per_slot = -(-sessions // len(slots))
    for n in range(sessions):
        day, room = slots[n % len(slots)]
        index = n // len(slots)
        length = (LAST - FIRST) // per_slot
        start = FIRST + index * length
        end = start + length - 15
        kind = KINDS[n % len(KINDS)]
        people = []
        for person in rng.sample(pool, 4 if kind == "panel" else 1):
            clash = any(
                d == day and s < end + 30 and start < e + 30
                for d, s, e in busy.get(person["name"], [])
            )
            if not clash:
                busy.setdefault(person["name"], []).append((day, start, end))
                people.append(person)
        session = {
            "title": f"{kind.title()} {n + 1}: {rng.choice(TOPICS)} og {rng.choice(TOPICS)}",
            "kind": kind,
            "date": day,
            "start": f"{start // 60:02d}:{start % 60:02d}",
            "end": f"{end // 60:02d}:{end % 60:02d}",
            "venue": rooms[room],
        }
        if kind == "panel" and len(people) > 1:
            session["panelists"] = people[:-1]
            session["moderator"] = {"name": people[-1]["name"]}
        elif kind == "panel":
            session["kind"] = "talk"
            session["speakers"] = people
        elif people:
            session["speakers"] = people
        listed.append(session)
    return {
        "language": "da",
        "festival": "Folkemødet 2026",
        "title": "Folkemødet 2026 – det samlede program",
        "timezone": "Europe/Copenhagen",
        "dates": {"from": DAYS[0], "to": DAYS[-1]},
        "url": "https://folkemoedet.dk/",
        "sessions": listed,
    }


def prepare(folder: Path, sessions: int) -> Path:
    venue_count = max(10, round(sessions / 20))  # 150 venues for 3,000 sessions
    path = folder / "event.yaml"
    text = yaml.safe_dump(festival(sessions, venue_count), allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def one_run(event: Path, out: Path) -> dict:
    """In this process: read the festival, then build its whole kit, and measure."""
    from printkit.pipeline.build import build
    from printkit.read.event import load_event

    start = time.perf_counter()
    loaded = load_event(event)
    read = time.perf_counter() - start
    start, cpu, before = time.perf_counter(), time.process_time(), _children_cpu()
    report = build(event, out)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    second = _children_cpu() - before  # the second process's (pipeline.share), once ended
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        # the whole run, reading included, and the build alone, each with the second process
        "cpu_s": round(usage.ru_utime + usage.ru_stime + _children_cpu(), 2),
        "build_cpu_s": round(cpu + second, 2),
        "second_cpu_s": round(second, 2),
        "sessions": len(loaded.sessions),
        "venues": len(loaded.venues),
        "bytes": event.stat().st_size,
        "read_s": round(read, 2),
        "build_s": round(wall, 2),
        "files": len(report.written),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "second_rss_mb": round(children.ru_maxrss / 1024, 1),  # 0: made in one process
    }


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(one_run(Path(argv[1]), Path(argv[2]))))
        return
    profile = argv[:1] == ["--profile"]
    one_core = "--one-core" in argv
    sizes = [int(a) for a in argv if a.isdigit()] or [300, 1500, 3000]
    pinned = ", the run pinned to one" if one_core else ""
    print(
        f"machine: {os.cpu_count()} cores{pinned}, Python {sys.version.split()[0]}, {os.uname().machine}"
    )
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            event = prepare(Path(tmp), n)
            if profile:
                import cProfile
                import pstats

                target = Path(tmp) / "p"
                cProfile.runctx(
                    "one_run(event, out)",
                    globals(),
                    {"event": event, "out": Path(tmp) / "out", "one_run": one_run},
                    str(target),
                )
                pstats.Stats(str(target)).sort_stats("cumulative").print_stats(30)
                continue
            done = subprocess.run(
                [sys.executable, __file__, "--one", str(event), str(Path(tmp) / "out")],
                check=True,
                capture_output=True,
                text=True,
                preexec_fn=_one_core if one_core else None,
            )
            r = json.loads(done.stdout.strip().splitlines()[-1])
            second = (
                f", {r['second_cpu_s']:.2f} s of it in the second process"
                if r["second_cpu_s"]
                else ", one process"
            )
            rss = f" and {r['second_rss_mb']:.1f} MB" if r["second_rss_mb"] else ""
            print(
                f"{r['sessions']:>5,} sessions in {r['venues']:>3} venues ({r['bytes'] / 1e6:.1f} MB of"
                f" YAML): read and checked {r['read_s']:>5.2f} s, whole kit {r['build_s']:>6.2f} s"
                f" ({r['files']} files), CPU {r['cpu_s']:>6.2f} s (the build {r['build_cpu_s']:>5.2f} s"
                f"{second}), peak RSS {r['peak_rss_mb']:>6.1f} MB{rss}"
            )


def _one_core() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


if __name__ == "__main__":
    main(sys.argv[1:])
