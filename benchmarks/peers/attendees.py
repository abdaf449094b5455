"""Deterministic synthetic attendees for the performance comparisons (CSV to stdout or a file)."""

import csv
import random
import sys

FIRST = [
    "Anne",
    "Jens",
    "Mette",
    "Søren",
    "Zoë",
    "Łukasz",
    "Αικατερίνη",
    "Владислав",
    "Maximilian",
    "Ólafur",
    "Ingrid",
    "Mads",
    "Sofie",
    "Frederik",
    "Amalie",
    "Noah",
    "Ida",
    "William",
    "Emma",
    "Oscar",
]
LAST = [
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Ångström-Þórsdóttir",
    "Żółkiewski-Brzęczyszczykiewicz",
    "Παπαδοπούλου",
    "Колесниченко",
    "von Hohenzollern-Sigmaringen",
    "Grímsson",
    "Kildesgaard",
    "Bardenfleth",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
]
ORG = [
    "Herlev Kommune",
    "KL",
    "Digitaliseringsstyrelsen",
    "CBS",
    "Copenhagen Healthtech Cluster",
    "Direktør for Den Selvejende Institution Kommunernes Fælles Digitaliseringssekretariat",
    "Region Hovedstaden",
    "Aarhus Universitet",
    "Bestyrelsesforeningen",
    "Dansk Industri",
]
ROLE = ["attendee"] * 8 + ["speaker", "staff", "press"]


def rows(n, seed=2017):
    rnd = random.Random(seed)
    for i in range(n):
        yield {
            "ticket_id": f"FM17-{i:06d}",
            "first_name": rnd.choice(FIRST),
            "last_name": rnd.choice(LAST),
            "organisation": rnd.choice(ORG),
            "role": rnd.choice(ROLE),
            "email": f"person{i}@example.org",
        }


if __name__ == "__main__":
    n = int(sys.argv[1])
    out = open(sys.argv[2], "w", newline="", encoding="utf-8") if len(sys.argv) > 2 else sys.stdout  # noqa: SIM115
    w = csv.DictWriter(
        out, fieldnames=["ticket_id", "first_name", "last_name", "organisation", "role", "email"]
    )
    w.writeheader()
    w.writerows(rows(n))
