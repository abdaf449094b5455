"""A build replaces every file of the kit or none (issue 13): a failed rename puts back what
was replaced, a target that cannot be replaced stops the build before the first rename, and
the clean-up of leftovers opens nothing but a regular file of its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading

import pytest

from printkit.output import files
from tests.conftest import SEED, run

KIT = ("programme.pdf", "programme.ics", "badges.pdf", "tent.pdf")  # the calendar too


@pytest.fixture
def old_kit(tmp_path, seed_out):
    out = tmp_path / "out"
    shutil.copytree(seed_out, out)
    (tmp_path / "event.yaml").write_text(
        SEED.read_text(encoding="utf-8").replace("Folkemødet", "Folkemødet (ny)"), encoding="utf-8"
    )
    shutil.copytree(SEED.parent / "assets", tmp_path / "assets")
    assert sorted(p.name for p in out.iterdir()) == sorted(KIT)
    return out, {name: (out / name).read_bytes() for name in KIT}


def test_a_rename_that_fails_puts_back_what_was_replaced(old_kit, tmp_path, monkeypatch):
    """tent.pdf is renamed last; its rename fails after programme.pdf, programme.ics and
    badges.pdf were replaced: all are put back, byte for byte, and no temporary file stays."""
    out, before = old_kit
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if str(dst).endswith("tent.pdf") and ".tmp" in str(src):
            raise PermissionError(1, "Operation not permitted")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    result = run("build", tmp_path / "event.yaml", "-o", out)
    assert result.exit_code == 4
    assert result.output == (
        f"error: {out / 'tent.pdf'}: cannot write the file (Operation not permitted); no file was changed\n"
    )
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_new_file_is_removed_when_a_later_rename_fails(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if str(dst).endswith("b.pdf"):
            raise OSError(28, "No space left on device")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(files.OutputError):
        files.write_all({out / "a.pdf": b"new a", out / "b.pdf": b"new b"})
    assert list(out.iterdir()) == []


def _chattr(flag: str, path) -> bool:
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


def test_an_immutable_target_stops_the_build_before_any_rename(old_kit, tmp_path):
    """chattr +i on tent.pdf (root may do it on ext4; elsewhere the test is skipped): the build
    says so, and programme.pdf and badges.pdf are not replaced."""
    out, before = old_kit
    if not _chattr("+i", out / "tent.pdf"):
        pytest.skip("chattr +i does not work here")
    try:
        result = run("build", tmp_path / "event.yaml", "-o", out)
    finally:
        _chattr("-i", out / "tent.pdf")
    assert result.exit_code == 4
    assert result.output == (
        f"error: {out / 'tent.pdf'}: is marked immutable or append-only (chattr +i/+a), so"
        " tent.pdf cannot be replaced; lift that (chattr -i) or choose another folder with -o;"
        " no file was changed\n"
    )
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_fifo_named_like_a_leftover_is_left_alone_and_does_not_hang(tmp_path):
    """The clean-up opened it for reading without O_NONBLOCK and waited for a writer forever."""
    out = tmp_path / "out"
    out.mkdir()
    fifo = out / ".programme.pdf.abcdefgh.tmp"
    os.mkfifo(fifo)
    done = threading.Event()

    def build():
        files.write_all({out / "programme.pdf": b"%PDF-1.4 new"})
        done.set()

    worker = threading.Thread(target=build, daemon=True)
    worker.start()
    if not done.wait(10):  # release the hung open, so that the test run can end
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("the build hung on the FIFO")
    assert (out / "programme.pdf").read_bytes() == b"%PDF-1.4 new"
    assert fifo.exists()  # not ours: left as it was


def test_a_file_written_by_a_writer_that_fails_changes_nothing(tmp_path):
    """A PDF is copied from the build's staging file into its temporary file by the stamp
    pass (issue 15); a full disk in that copy is one error, the old file stays, and no
    temporary file is left beside it."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.pdf").write_bytes(b"old a")

    def full_disk(file) -> None:
        file.write(b"x" * 3_000_000)  # past the buffer: the write reaches the file
        raise OSError(28, "No space left on device")

    with pytest.raises(files.OutputError, match="No space left on device"):
        files.write_all({out / "a.pdf": full_disk, out / "b.pdf": b"new b"})
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {"a.pdf": b"old a"}
