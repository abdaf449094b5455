"""Badge throughput: N synthetic attendees, with and without a personal QR code per badge.

Prints wall time, peak memory (RSS) and output size per badge for each run. Every run is a
fresh process (so peak RSS is that run's own), building only badges.pdf from a generated
attendee list. Usage:

    python benchmarks/badges.py                 # N = 1,000 and 10,000
    python benchmarks/badges.py 2000            # other sizes
    python benchmarks/badges.py --profile 2000  # where the time goes (cProfile, top 25)
"""

from __future__ import annotations

import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

GIVEN = [
    "Anna",
    "Søren",
    "Åse",
    "Zoë",
    "Łukasz",
    "Maximilian",
    "Jean-Baptiste",
    "Αικατερίνη",
    "Александра",
    "Ólafur",
    "Mette",
    "Mohammed",
    "Ngozi",
    "Kwame",
    "Ingrid",
    "Þórdís",
    "José",
    "Li",
    "Yusuf",
    "Freja",
]
FAMILY = [
    "Jensen",
    "Ørsted-Hansen",
    "Ångström-Þórsdóttir",
    "Żółkiewski-Brzęczyszczykiewicz",
    "von Hohenzollern-Sigmaringen",
    "Παπαδοπούλου",
    "Рождественская",
    "Kildesgaard",
    "Nielsen",
    "Bardenfleth-Østergaard",
    "Li",
    "Okafor",
    "Müller-Lüdenscheidt",
]
ORGS = [
    "KL",
    "Region Hovedstaden, Center for IT, Medico og Telefoni",
    "Københavns Kommune",
    "Digitaliseringsstyrelsen",
    "Aarhus Universitet, Institut for Statskundskab",
    "Danmarks Radio",
    "Netcompany A/S",
    "Dansk Industri",
]
ROLES = ["attendee"] * 8 + ["speaker", "staff", "press"]


def attendees(n: int, seed: int = 2017) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        middle = rng.choice(["", "", rng.choice(GIVEN) + " "])
        rows.append(
            {
                "Name": f"{rng.choice(GIVEN)} {middle}{rng.choice(FAMILY)}",
                "Organisation": rng.choice(ORGS),
                "Title": rng.choice(["", "Direktør", "Chefkonsulent", "Professor", "Projektleder"]),
                "Role": rng.choice(ROLES),
                "Ticket": f"FM17-{i:06d}",
            }
        )
    return rows


def prepare(folder: Path, n: int, qr: bool) -> Path:
    with (folder / "people.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=["Name", "Organisation", "Title", "Role", "Ticket"]
        )
        writer.writeheader()
        writer.writerows(attendees(n))
    event = (ROOT / "event.yaml").read_text(encoding="utf-8")
    event = event.replace("assets/", f"{ROOT / 'assets'}/")
    event += "\nattendees:\n  file: people.csv\n"
    if qr:
        event = event.replace(
            "  sort: as-given\n",
            '  sort: as-given\n  qr: {url: "https://tickets.example.org/{ticket_id}"}\n',
        )
    path = folder / "event.yaml"
    path.write_text(event, encoding="utf-8")
    return path


def one_run(event: Path, out: Path) -> dict:
    """In this process: build badges.pdf and measure."""
    from printkit.pipeline.build import build

    start = time.perf_counter()
    report = build(event, out, ("badges",))
    wall = time.perf_counter() - start
    pdf = report.written[0]
    people = len(
        __import__("printkit.pipeline.people", fromlist=["badge_people"]).badge_people(report.event)
    )
    return {
        "badges": people,
        "wall_s": round(wall, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "bytes_per_badge": round(pdf.stat().st_size / people),
    }


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(one_run(Path(argv[1]), Path(argv[2]))))
        return
    profile = argv[:1] == ["--profile"]
    sizes = [int(a) for a in argv if a.isdigit()] or [1000, 10000]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {os.uname().machine}")
    for n in sizes:
        for qr in (False, True):
            with tempfile.TemporaryDirectory() as tmp:
                event = prepare(Path(tmp), n, qr)
                if profile:
                    import cProfile
                    import pstats

                    cProfile.runctx(
                        "one_run(event, Path(tmp) / 'out')",
                        globals(),
                        {"event": event, "tmp": tmp, "one_run": one_run},
                        str(Path(tmp) / "p"),
                    )
                    print(f"--- N={n} qr={qr}")
                    pstats.Stats(str(Path(tmp) / "p")).sort_stats("cumulative").print_stats(25)
                    continue
                done = subprocess.run(
                    [sys.executable, __file__, "--one", str(event), str(Path(tmp) / "out")],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                r = json.loads(done.stdout.strip().splitlines()[-1])
                label = "with a personal QR" if qr else "no QR"
                print(
                    f"N={n:>6,}  {label:<20} wall {r['wall_s']:>6.2f} s   peak RSS {r['peak_rss_mb']:>6.1f} MB   "
                    f"{r['bytes_per_badge']:>5} bytes/badge"
                )


if __name__ == "__main__":
    main(sys.argv[1:])
