"""printkit build --watch: the watcher driven in-process on a fake clock, through real builds."""

from __future__ import annotations

import datetime as dt
import functools
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

import printkit.cli
from printkit.errors import InputError
from printkit.pipeline.build import Report, build
from printkit.tools.watch import POLL, SETTLE, BuildInterrupted, Rebuild, watch
from printkit.typeset.fonts import fonts_dir
from tests.conftest import SEED, run
from tests.pdfread import fonts as pdf_fonts

SEED_TEXT = SEED.read_text(encoding="utf-8")
SCHEDULES = Path(__file__).parents[1] / "read" / "schedules"
LOGO = "assets/bestyrelsesforeningen-mark.png"
START = dt.datetime(2017, 6, 15, 13, 0, 0)


def line_of(fragment: str) -> int:
    return SEED_TEXT[: SEED_TEXT.index(fragment)].count("\n") + 1


class Clock:
    """Stands in for time.sleep and datetime.now. ``at(t, step)`` runs ``step`` (an edit)
    once the fake time reaches t seconds; when every step has run and the watcher has looked
    once more, ``stop`` is set, or ``finish`` runs (e.g. raising KeyboardInterrupt)."""

    def __init__(self, finish: Callable[[], None] | None = None) -> None:
        self.t = 0.0
        self.steps: list[tuple[float, Callable[[], None]]] = []
        self.stop = threading.Event()
        self.finish = finish or self.stop.set
        self.slept: list[float] = []

    def at(self, t: float, step: Callable[[], None]) -> Clock:
        self.steps.append((t, step))
        self.steps.sort(key=lambda s: s[0])
        return self

    def sleep(self, seconds: float) -> None:
        if not self.steps and self.slept and self.slept[-1] == POLL and seconds == POLL:
            self.finish()
        self.slept.append(seconds)
        self.t += seconds
        while self.steps and self.steps[0][0] <= self.t + 1e-9:
            self.steps.pop(0)[1]()

    def now(self) -> dt.datetime:
        return START + dt.timedelta(seconds=self.t)


_tick = [0]


def touch(path: Path) -> None:
    """A new modification time even within the file system's clock resolution."""
    _tick[0] += 1
    ns = 2_000_000_000_000_000_000 + _tick[0] * 1_000_000_000
    os.utime(path, ns=(ns, ns))


def save(path: Path, text: str, rename: bool = True) -> None:
    """As an editor saves: a temporary file renamed over the old one."""
    if rename:
        temp = path.with_name(f".{path.name}.swp")
        temp.write_text(text, encoding="utf-8")
        touch(temp)
        os.replace(temp, path)
    else:
        path.write_text(text, encoding="utf-8")
        touch(path)


def pdfs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def untouched(out: Path) -> dict[str, tuple[bytes, int, int]]:
    """Each file's bytes, modification time and inode: equal only if nothing wrote it."""
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino)
        for p in sorted(out.iterdir())
    }


def test_change_error_fix_and_logo_each_rebuild(event_dir):
    """A good build; a mistake (reported, the PDFs untouched); the fix (rebuilt); a new logo
    (rebuilt, and the badges show it)."""
    event, out = event_dir / "event.yaml", event_dir / "out"
    seen: list[Rebuild] = []
    kit: dict[str, dict[str, bytes]] = {}

    def broken() -> None:
        kit["good"] = untouched(out)
        save(event, SEED_TEXT.replace("subtitle:", "subtitel:"))

    def fix() -> None:
        kit["after the mistake"] = untouched(out)
        save(event, SEED_TEXT)

    def logo() -> None:
        kit["fixed"] = pdfs(out)
        Image.new("L", (400, 120), 40).save(event_dir / LOGO)
        touch(event_dir / LOGO)

    clock = Clock().at(1.0, broken).at(3.0, fix).at(5.0, logo)
    builds = watch(
        event,
        lambda: build(event, out),
        seen.append,
        sleep=clock.sleep,
        now=clock.now,
        stop=clock.stop,
    )

    assert builds == 4
    assert [r.changed for r in seen] == [
        (),
        (event.absolute(),),
        (event.absolute(),),
        ((event_dir / LOGO).absolute(),),
    ]
    first, mistake, fixed, new_logo = seen
    assert first.report is not None and first.error is None
    assert first.watched == (event.absolute(), (event_dir / LOGO).absolute())
    assert isinstance(mistake.error, InputError) and mistake.report is None
    assert mistake.error.message() == (
        f"{event}:{line_of('subtitle:')}:1: subtitel: unknown key in the event;"
        " did you mean 'subtitle'?"
    )
    assert fixed.report is not None and fixed.report.written == [
        out / "programme.pdf",
        out / "programme.ics",
        out / "badges.pdf",
        out / "tent.pdf",
    ]
    assert kit["after the mistake"] == kit["good"]  # not written at all
    assert new_logo.report is not None
    after = pdfs(out)
    assert after["badges.pdf"] != kit["fixed"]["badges.pdf"]  # the new logo, not a cached old one
    assert [r.at for r in seen] == sorted(r.at for r in seen)


def test_a_replaced_logo_is_read_afresh_not_from_a_cache(event_dir):
    """Press mode refuses an RGB logo: replacing the greyscale logo by an RGB one must fail
    the rebuild, and a greyscale one fix it, though the file's name never changed."""
    event, out = event_dir / "event.yaml", event_dir / "out"
    event.write_text(SEED_TEXT.replace("sign: tent", "press: true\nsign: tent"), encoding="utf-8")
    logo = event_dir / LOGO
    seen: list[Rebuild] = []

    def replace(mode: str) -> None:
        Image.new(mode, (1200, 400), "white").save(logo)
        touch(logo)

    clock = Clock().at(1.0, lambda: replace("RGB")).at(3.0, lambda: replace("L"))
    watch(
        event,
        lambda: build(event, out),
        seen.append,
        sleep=clock.sleep,
        now=clock.now,
        stop=clock.stop,
    )
    assert seen[0].report is not None
    assert f"organiser.logo: {logo.name}: the image is RGB (RGB colour)" in str(seen[1].error)
    assert seen[2].report is not None and seen[2].changed == (logo.absolute(),)


def test_a_replaced_font_is_registered_afresh(event_dir):
    event, out = event_dir / "event.yaml", event_dir / "out"
    font = event_dir / "house.ttf"
    shutil.copy(fonts_dir() / "NotoSans-Regular.ttf", font)
    event.write_text(
        SEED_TEXT.replace("sign: tent", "fonts:\n  regular: house.ttf\nsign: tent"),
        encoding="utf-8",
    )
    names: list[set[str]] = []

    def record(rebuild: Rebuild) -> None:
        assert rebuild.report is not None, rebuild.error
        names.append({f["name"].split("+")[-1] for f in pdf_fonts(out / "tent.pdf")})

    def replace() -> None:
        shutil.copy(fonts_dir() / "NotoSans-Bold.ttf", font)
        touch(font)

    clock = Clock().at(1.0, replace)
    watch(
        event,
        lambda: build(event, out, ("tent",)),
        record,
        sleep=clock.sleep,
        now=clock.now,
        stop=clock.stop,
    )
    assert names == [{"NotoSans-Regular"}, {"NotoSans-Bold"}]


def test_a_failed_build_leaves_the_previous_pdfs_byte_for_byte(event_dir):
    event, out = event_dir / "event.yaml", event_dir / "out"
    seen: list[Rebuild] = []
    before: dict[str, bytes] = {}

    def break_it() -> None:
        before.update(untouched(out))
        save(event, SEED_TEXT.replace("  - name: Lars Frelle", '  - name: ""'))

    clock = Clock().at(1.0, break_it)
    watch(
        event,
        lambda: build(event, out),
        seen.append,
        sleep=clock.sleep,
        now=clock.now,
        stop=clock.stop,
    )
    assert [type(r.error).__name__ if r.error else "ok" for r in seen] == ["ok", "InputError"]
    assert untouched(out) == before
    assert sorted(p.name for p in out.iterdir()) == [
        "badges.pdf",
        "programme.ics",
        "programme.pdf",
        "tent.pdf",
    ]


def counting(event: Path, log: list[str]) -> Callable[[], Report]:
    """A stand-in build that records the event file's text as it read it."""

    def rebuild() -> Report:
        log.append(event.read_text(encoding="utf-8"))
        return Report([])

    return rebuild


def test_a_burst_of_saves_makes_one_rebuild_of_the_last(tmp_path):
    event = tmp_path / "event.yaml"
    event.write_text("v0", encoding="utf-8")
    log: list[str] = []
    clock = Clock()
    clock.at(1.0, lambda: save(event, "v1"))
    # while the watcher waits for quiet: written in place, moved away and back, written again
    clock.at(1.0 + SETTLE, lambda: save(event, "v2", rename=False))
    clock.at(1.0 + 2 * SETTLE, lambda: os.replace(event, tmp_path / "event.yaml~"))
    clock.at(1.0 + 3 * SETTLE, lambda: save(event, "v3"))
    watch(
        event,
        counting(event, log),
        lambda r: None,
        sleep=clock.sleep,
        now=clock.now,
        stop=clock.stop,
    )
    assert log == ["v0", "v3"]


def test_a_file_that_never_stops_changing_is_rebuilt_anyway(tmp_path):
    event = tmp_path / "event.yaml"
    event.write_text("v0", encoding="utf-8")
    log: list[str] = []
    clock = Clock()
    for i in range(40):
        clock.at(1.0 + i * SETTLE, functools.partial(save, event, f"v{i + 1}", False))
    watch(
        event, counting(event, log), lambda r: None, sleep=clock.sleep, now=clock.now, max_builds=2
    )
    assert len(log) == 2  # not held back for ever by a file written without pause


def test_nothing_changed_nothing_rebuilt(tmp_path):
    event = tmp_path / "event.yaml"
    event.write_text("v0", encoding="utf-8")
    log: list[str] = []
    clock = Clock().at(5.0, lambda: None)
    watch(
        event,
        counting(event, log),
        lambda r: None,
        sleep=clock.sleep,
        now=clock.now,
        stop=clock.stop,
    )
    assert log == ["v0"]
    assert set(clock.slept) == {POLL}


def test_the_watched_set_follows_the_event(event_dir):
    """A logo renamed in event.yaml: the new file is watched, the old one no longer."""
    event, out = event_dir / "event.yaml", event_dir / "out"
    (event_dir / "assets" / "other.png").write_bytes((event_dir / LOGO).read_bytes())
    seen: list[Rebuild] = []

    clock = Clock()
    clock.at(1.0, lambda: save(event, SEED_TEXT.replace(LOGO, "assets/other.png")))
    clock.at(3.0, lambda: touch(event_dir / LOGO))  # no longer named: no rebuild
    clock.at(5.0, lambda: touch(event_dir / "assets" / "other.png"))
    watch(
        event,
        lambda: build(event, out, ("tent",)),
        seen.append,
        sleep=clock.sleep,
        now=clock.now,
        stop=clock.stop,
    )
    other = (event_dir / "assets" / "other.png").absolute()
    assert [r.changed for r in seen] == [(), (event.absolute(),), (other,)]
    assert seen[-1].watched == (event.absolute(), other)


def test_a_schedule_file_is_watched(tmp_path):
    """``schedule: FILE``: saving the schedule rebuilds, as saving the event file does."""
    shutil.copy(SCHEDULES / "schedule.xml", tmp_path / "schedule.xml")
    event, out = tmp_path / "event.yaml", tmp_path / "out"
    event.write_text(
        "title: Summit\nurl: https://summit.example.org/\nschedule: schedule.xml\n",
        encoding="utf-8",
    )
    seen: list[Rebuild] = []
    clock = Clock().at(1.0, lambda: touch(tmp_path / "schedule.xml"))
    watch(
        event,
        lambda: build(event, out, ("programme",)),
        seen.append,
        sleep=clock.sleep,
        now=clock.now,
        stop=clock.stop,
    )
    schedule = (tmp_path / "schedule.xml").absolute()
    assert [r.changed for r in seen] == [(), (schedule,)]
    assert seen[-1].watched == (event.absolute(), schedule)
    assert seen[-1].error is None


def test_a_first_build_that_fails_keeps_watching_the_event_file(tmp_path):
    event = tmp_path / "event.yaml"
    event.write_text("title: [", encoding="utf-8")
    seen: list[Rebuild] = []
    clock = Clock().at(1.0, lambda: save(event, SEED_TEXT))
    (tmp_path / "assets").mkdir()
    (tmp_path / LOGO).write_bytes((SEED.parent / LOGO).read_bytes())
    watch(
        event,
        lambda: build(event, tmp_path / "out"),
        seen.append,
        sleep=clock.sleep,
        now=clock.now,
        stop=clock.stop,
    )
    assert seen[0].error is not None and seen[0].watched == (event.absolute(),)
    assert seen[1].report is not None and len(seen[1].watched) == 2


def test_max_builds_ends_the_loop(tmp_path):
    event = tmp_path / "event.yaml"
    event.write_text("v0", encoding="utf-8")
    clock = Clock().at(1.0, lambda: save(event, "v1")).at(3.0, lambda: save(event, "v2"))
    log: list[str] = []
    assert (
        watch(
            event,
            counting(event, log),
            lambda r: None,
            sleep=clock.sleep,
            now=clock.now,
            max_builds=2,
        )
        == 2
    )
    assert log == ["v0", "v1"]


def test_ctrl_c_during_a_build_is_told_apart_from_ctrl_c_while_waiting(tmp_path):
    event = tmp_path / "event.yaml"
    event.write_text("v0", encoding="utf-8")

    def interrupted() -> Report:
        raise KeyboardInterrupt

    with pytest.raises(BuildInterrupted):
        watch(event, interrupted, lambda r: None, sleep=lambda s: None)

    def ctrl_c(seconds: float) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt) as caught:
        watch(event, counting(event, []), lambda r: None, sleep=ctrl_c)
    assert not isinstance(caught.value, BuildInterrupted)


# -- the command -----------------------------------------------------------------------------


def ctrl_c() -> None:
    raise KeyboardInterrupt


@pytest.fixture
def watching(event_dir: Path, monkeypatch):
    """``printkit build --watch`` in the seed's copy, on a fake clock that presses Ctrl-C
    once its steps are done."""
    monkeypatch.chdir(event_dir)
    clock = Clock(finish=ctrl_c)
    monkeypatch.setattr(
        printkit.cli, "watch", functools.partial(watch, sleep=clock.sleep, now=clock.now)
    )
    return clock


def test_the_command_reports_each_build_and_stops_cleanly(event_dir, watching):
    event = event_dir / "event.yaml"
    watching.at(1.0, lambda: save(event, SEED_TEXT.replace("subtitle:", "subtitel:")))
    watching.at(3.0, lambda: save(event, SEED_TEXT))
    watching.at(5.0, lambda: touch(event_dir / LOGO))
    result = run("build", "event.yaml", "-o", "out", "--watch")
    assert result.exit_code == 0, result.output
    kit = "out/programme.pdf, out/programme.ics, out/badges.pdf, out/tent.pdf"
    assert result.stdout.splitlines() == [
        f"13:00:00 built {kit}",
        "13:00:01 event.yaml changed: not rebuilt; the files already built are untouched",
        f"13:00:03 event.yaml changed: rebuilt {kit}",
        f"13:00:05 {LOGO} changed: rebuilt {kit}",
    ]
    assert result.stderr.splitlines() == [
        f"watching event.yaml, {LOGO}; Ctrl-C stops",
        f"error: event.yaml:{line_of('subtitle:')}:1: subtitel: unknown key in the event;"
        " did you mean 'subtitle'?",
        "stopped watching",
    ]


def test_the_command_prints_a_builds_warnings_on_every_build(event_dir, watching):
    event = event_dir / "event.yaml"
    twice = SEED_TEXT.replace("  - name: Jesper Zwisler", "  - name: Lars Frelle")
    watching.at(1.0, lambda: save(event, twice))
    result = run("build", "event.yaml", "-o", "out", "--watch")
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 2 and "Lars Frelle is already in this session" in warnings[0]


def test_the_first_build_may_fail_and_watching_goes_on(event_dir, watching):
    event = event_dir / "event.yaml"
    event.write_text(SEED_TEXT.replace("subtitle:", "subtitel:"), encoding="utf-8")
    watching.at(1.0, lambda: save(event, SEED_TEXT))
    result = run("build", "event.yaml", "-o", "out", "--watch")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "13:00:00 not built; correct the event and save it, and the build runs again",
        "13:00:01 event.yaml changed: rebuilt out/programme.pdf, out/programme.ics, out/badges.pdf, out/tent.pdf",
    ]
    assert result.stderr.splitlines() == [
        f"error: event.yaml:{line_of('subtitle:')}:1: subtitel: unknown key in the event;"
        " did you mean 'subtitle'?",
        "watching event.yaml; Ctrl-C stops",
        f"watching event.yaml, {LOGO}; Ctrl-C stops",
        "stopped watching",
    ]


def test_a_bug_in_one_build_is_reported_and_watching_goes_on(event_dir, watching, monkeypatch):
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise ZeroDivisionError("boom")
        return build(*args, **kwargs)

    monkeypatch.setattr(printkit.cli, "build", flaky)
    watching.at(1.0, lambda: touch(event_dir / "event.yaml"))
    result = run("build", "event.yaml", "-o", "out", "--watch")
    assert result.exit_code == 0
    assert "printkit: internal error (ZeroDivisionError: boom). This is a bug" in result.stderr
    assert result.stdout.splitlines()[-1].endswith(
        "event.yaml changed: rebuilt out/programme.pdf, out/programme.ics, out/badges.pdf, out/tent.pdf"
    )


def test_ctrl_c_during_a_build_exits_130_as_any_interrupted_build(event_dir, monkeypatch):
    monkeypatch.chdir(event_dir)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(printkit.cli, "build", interrupted)
    result = run("build", "event.yaml", "-o", "out", "--watch")
    assert result.exit_code == 130
    assert result.output == "interrupted (SIGINT); earlier files are untouched\n"
