"""
How fast asean_digital starts, loads, answers and scales, against floors and peers, in one run.

Four parts, each measured side by side with its baseline in the same run:

- cold start: whole-process runs (median of N) of ``python -c pass`` (the
  floor), ``import attrs``, ``import asean_digital``, import plus the card's
  first query, and pycountry's import plus ``countries.get(alpha_2="TH")``;
- load: ``json.loads`` of the packaged bytes (the floor) against structuring
  them and against bytes to an indexed registry (best of N, in process);
- queries: the median latency of every query kind of the registry;
- scale: synthetic overlays of 1,000 / 10,000 / 100,000 records (half
  bodies, half documents; see ``synth.py``) loaded with
  ``asean_digital.load(path)``, each size in its own process: load time per
  record against ``json.loads``, peak and retained memory, and the latency of
  ``body()``, ``bodies(established_before=...)``, ``bodies(partner=...)``,
  ``as_of()`` and ``search()``.

Usage::

    python benchmarks/bench.py                       # everything, default sizes
    python benchmarks/bench.py --quick --sizes 200   # smoke run: few repeats, one size
    python benchmarks/bench.py --compare benchmarks/results/old.json

Results go to ``benchmarks/results/latest.json`` (``--json PATH``).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import importlib.util
import itertools
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import synth  # noqa: E402 - the generator lives beside this script

DEFAULT_SIZES = (1_000, 10_000, 100_000)
DEFAULT_JSON = HERE / "results" / "latest.json"
SCHEMA = 1

COLD_CASES = {
    "floor": "pass",
    "attrs": "import attrs",
    "import": "import asean_digital",
    "first_query": "import asean_digital; asean_digital.registry.bodies(established_before=2012)",
    "pycountry": 'import pycountry; pycountry.countries.get(alpha_2="TH")',
}
COLD_LABELS = {
    "floor": "python -c pass (floor)",
    "attrs": "import attrs",
    "import": "import asean_digital",
    "first_query": "import + bodies(established_before=2012)",
    "pycountry": 'import pycountry + get(alpha_2="TH")',
}


# -- timing helpers -----------------------------------------------------------


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of *repeat* timings of one call of *fn*, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def per_call(fn: Callable[[], object], samples: int, target: float = 0.002) -> float:
    """The median time of one call of *fn*, in seconds, from *samples* batches of about *target* s."""
    fn()  # warm: lazy indexes, caches of the interpreter
    loops = 1
    while True:
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        elapsed = time.perf_counter() - start
        if elapsed >= target or loops >= 1_000_000:
            break
        loops *= 10 if elapsed < target / 10 else 2
    times = [elapsed / loops]
    for _ in range(samples - 1):
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        times.append((time.perf_counter() - start) / loops)
    return statistics.median(times)


def cycle_calls(fns: list[Callable[[], object]]) -> Callable[[], object]:
    """One callable that calls each of *fns* in turn, so a median covers them all."""
    calls = itertools.cycle(fns)

    def call() -> object:
        return next(calls)()

    return call


# -- machine ------------------------------------------------------------------


def _version(dist: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def machine() -> dict[str, Any]:
    import asean_digital

    try:
        load = os.getloadavg()
    except OSError:
        load = None
    return {
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "load_average_at_start": load,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "executable": sys.executable,
        "asean_digital": _version("asean-digital"),
        "data_version": asean_digital.registry.data_version,
        "attrs": _version("attrs"),
        "cattrs": _version("cattrs"),
        "pycountry": _version("pycountry"),
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


# -- cold start ---------------------------------------------------------------


def _child_env() -> dict[str, str]:
    # Start-up is measured as an installed package is used: with bytecode
    # cached. PYTHONDONTWRITEBYTECODE (set on some machines) would make every
    # run recompile the package from source, so the children get a private
    # bytecode cache instead (nothing is written into the source tree).
    return {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") or k == "PYTHONPATH"}


def cold_start(runs: int) -> dict[str, Any]:
    cases = dict(COLD_CASES)
    if importlib.util.find_spec("pycountry") is None:
        print("  pycountry is not installed (pip install -e '.[bench]'): its baseline is skipped")
        del cases["pycountry"]
    env = _child_env()
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as cache:
        command = [sys.executable, "-X", f"pycache_prefix={cache}", "-c"]
        for code in cases.values():  # warm: compile bytecode into the private cache
            subprocess.run([*command, code], env=env, check=True, capture_output=True)
        times: dict[str, list[float]] = {name: [] for name in cases}
        names = list(cases)
        for i in range(runs):
            # Interleave the cases, rotating the order, so drift in the
            # machine's load falls on all of them alike.
            for name in names[i % len(names) :] + names[: i % len(names)]:
                start = time.perf_counter()
                subprocess.run([*command, cases[name]], env=env, check=True, capture_output=True)
                times[name].append(time.perf_counter() - start)
    return {
        name: {"median_ms": statistics.median(t) * 1e3, "min_ms": min(t) * 1e3, "runs": len(t)}
        for name, t in times.items()
    }


# -- load of the packaged data ------------------------------------------------


def packaged_load(repeat: int) -> dict[str, Any]:
    from importlib import resources

    import asean_digital as ad
    from asean_digital.loading.load import load_dataset
    from asean_digital.loading.validate import validate
    from asean_digital.model.collections import COLLECTIONS
    from asean_digital.query.registry import Registry

    folder = resources.files("asean_digital") / "data"
    raws = [
        p.read_bytes() for p in sorted(folder.iterdir(), key=lambda p: p.name) if p.name.endswith(".json")
    ]
    docs = [json.loads(raw) for raw in raws]
    converter = ad.converter
    pairs = [(item, c.cls) for doc in docs for c in COLLECTIONS for item in doc.get(c.name, ())]

    def floor() -> None:
        for raw in raws:
            json.loads(raw)

    def structure() -> None:
        for item, cls in pairs:
            converter.structure(item, cls)

    ad.load()  # warm: converter hooks
    dataset = load_dataset()
    out = {
        "bytes": sum(map(len, raws)),
        "records": len(pairs),
        "json_loads_ms": best_of(floor, repeat) * 1e3,
        "structure_ms": best_of(structure, repeat) * 1e3,
        "full_load_ms": best_of(ad.load, repeat) * 1e3,
        "load_dataset_ms": best_of(load_dataset, repeat) * 1e3,
        "validate_ms": best_of(lambda: validate(dataset), repeat) * 1e3,
        "registry_ms": best_of(lambda: Registry(dataset), repeat) * 1e3,
    }
    out["structure_ratio"] = out["structure_ms"] / out["json_loads_ms"]
    out["full_load_ratio"] = out["full_load_ms"] / out["json_loads_ms"]
    return out


# -- queries ------------------------------------------------------------------


def query_cases(reg: Any) -> list[tuple[str, str, Callable[[], object]]]:
    """(method, label, call) for every query kind, on the packaged registry."""
    dialogue = reg.dialogues()[0].id
    source = reg.body("ATRC").sources[0]
    atrc = reg.body("ATRC")
    return [
        ("body", 'body("TELMIN")', lambda: reg.body("TELMIN")),
        ("bodies", "bodies()", reg.bodies),
        ("bodies", "bodies(established_before=2012)", lambda: reg.bodies(established_before=2012)),
        (
            "bodies",
            'bodies(kind=, parent="ADGSOM")',
            lambda: reg.bodies(kind="working_group", parent="ADGSOM"),
        ),
        ("bodies", 'bodies(partner="EU")', lambda: reg.bodies(partner="EU")),
        ("children", 'children("ATRC")', lambda: reg.children("ATRC")),
        ("ancestors", 'ancestors("SSM")', lambda: reg.ancestors("SSM")),
        (
            "documents",
            "documents(kind=, published_before=2018)",
            lambda: reg.documents(kind="framework", published_before=2018),
        ),
        ("documents", "documents(year=2021)", lambda: reg.documents(year=2021)),
        ("document", 'document("PDP Framework")', lambda: reg.document("PDP Framework")),
        ("declarations", 'declarations(host="Thailand")', lambda: reg.declarations(host="Thailand")),
        ("meetings", 'meetings(person="Yaacob Ibrahim")', lambda: reg.meetings(person="Yaacob Ibrahim")),
        ("meetings", "meetings(held_after=2020)", lambda: reg.meetings(held_after=2020)),
        ("meeting", 'meeting("ADGMIN 3")', lambda: reg.meeting("ADGMIN 3")),
        ("people", "people()", reg.people),
        ("person", 'person("Prasert Chantararuangthong")', lambda: reg.person("Prasert Chantararuangthong")),
        ("master_plans", "master_plans()", reg.master_plans),
        ("master_plan", 'master_plan("AIM 2020")', lambda: reg.master_plan("AIM 2020")),
        ("events", "events(started_after=2010)", lambda: reg.events(started_after=2010)),
        ("event", 'event("ASEAN Cyber-Kids Camp")', lambda: reg.event("ASEAN Cyber-Kids Camp")),
        ("partners", "partners()", reg.partners),
        ("partner", 'partner("ROK")', lambda: reg.partner("ROK")),
        ("member_states", "member_states(as_of=1990)", lambda: reg.member_states(as_of=1990)),
        ("member_state", 'member_state("THA")', lambda: reg.member_state("THA")),
        ("policy_areas", "policy_areas()", reg.policy_areas),
        ("policy_area", 'policy_area("digital divide")', lambda: reg.policy_area("digital divide")),
        ("dialogues", "dialogues()", reg.dialogues),
        ("dialogue", f"dialogue({dialogue!r})", lambda: reg.dialogue(dialogue)),
        ("initiatives", "initiatives(emerging_issue=True)", lambda: reg.initiatives(emerging_issue=True)),
        ("initiative", 'initiative("MPAC 2025")', lambda: reg.initiative("MPAC 2025")),
        ("sources", "sources()", reg.sources),
        ("source", "source(Source)", lambda: reg.source(source)),
        ("errata", "errata()", reg.errata),
        ("relations", 'relations(subject="DDG Framework")', lambda: reg.relations(subject="DDG Framework")),
        ("relations", 'relations(predicate="succeeds")', lambda: reg.relations(predicate="succeeds")),
        ("lookup", 'lookup("ITU")', lambda: reg.lookup("ITU")),
        ("get", 'get("nothing like this") (miss)', lambda: reg.get("nothing like this")),
        (
            "search",
            'search("Telecomunications Regulators Council")',
            lambda: reg.search("Telecomunications Regulators Council"),
        ),
        ("as_of", "as_of(2015)", lambda: reg.as_of(2015)),
        ("records", 'records("partners")', lambda: reg.records("partners")),
        ("record", 'record("bodies", "TELMIN")', lambda: reg.record("bodies", "TELMIN")),
        ("stored", 'stored("documents")', lambda: reg.stored("documents")),
        ("relations_of", "relations_of(ATRC)", lambda: reg.relations_of(atrc)),
    ]


def queries(samples: int) -> dict[str, Any]:
    import asean_digital as ad
    from asean_digital import Registry

    reg = ad.registry
    cases = query_cases(reg)
    public = {
        name
        for name in dir(Registry)
        if not name.startswith("_") and callable(getattr(Registry, name)) and name not in {"get"}
    } | {"get"}
    missing = sorted(public - {method for method, _, _ in cases})
    if missing:
        print(f"  query kinds not benchmarked (add them to query_cases): {', '.join(missing)}")
    return {
        "median_us": {label: per_call(call, samples) * 1e6 for _, label, call in cases},
        "not_measured": missing,
    }


# -- scale --------------------------------------------------------------------


def _emit(**fields: Any) -> None:
    print(json.dumps(fields), flush=True)


@contextlib.contextmanager
def _collected() -> Iterator[None]:
    gc.collect()
    yield
    gc.collect()


def scale_worker(size: int, overlay: Path, repeat: int, samples: int) -> None:
    """Measure one size in this (fresh) process; each result is one JSON line on stdout."""
    import asean_digital as ad

    raw = [overlay.read_bytes()]
    _emit(metric="bytes", value=len(raw[0]))
    _emit(metric="json_loads_s", value=best_of(lambda: json.loads(raw[0]), repeat))
    raw.clear()

    # Memory first, in a clean heap: the packaged registry alone, then with the overlay.
    ad.load()  # warm: converter hooks, imports
    with _collected():
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        packaged = ad.load()
        packaged_bytes = tracemalloc.get_traced_memory()[0] - base
        del packaged
        gc.collect()
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        reg = ad.load(overlay)
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    _emit(metric="peak_bytes", value=peak - base)
    _emit(metric="retained_bytes", value=current - base)
    _emit(metric="retained_per_record", value=(current - base - packaged_bytes) / size)
    del reg

    times = []
    for i in range(repeat):
        with _collected():
            start = time.perf_counter()
            reg = ad.load(overlay)
            times.append(time.perf_counter() - start)
            if i < repeat - 1:
                del reg
    _emit(metric="load_s", value=min(times))

    rng = random.Random(size)
    synthetic = [b for b in reg.bodies() if b.id.startswith("syn-")]
    picks = rng.sample(synthetic, min(50, len(synthetic)))
    keys = [k for b in picks for k in (b.id, b.acronym, b.name, b.names[0].name)]
    _emit(metric="body_s", value=per_call(cycle_calls([lambda k=k: reg.body(k) for k in keys]), samples))

    # A cut that keeps about ten bodies, whatever the size: a range filter
    # should cost the bisection plus the result, not the collection.
    latest = sorted(b.established.latest for b in reg.bodies() if b.established is not None)
    cut = latest[min(10, len(latest) - 1)]
    found = len(reg.bodies(established_before=cut))
    _emit(
        metric="bodies_before_s", value=per_call(lambda: reg.bodies(established_before=cut), samples), n=found
    )
    found = len(reg.bodies(partner="ITU"))
    _emit(metric="bodies_partner_s", value=per_call(lambda: reg.bodies(partner="ITU"), samples), n=found)

    start = time.perf_counter()
    reg.search("warm up the index")
    _emit(metric="search_index_s", value=time.perf_counter() - start)
    queries = []
    for b in picks[:10]:
        name = b.name
        cut_at = len(name) - 3
        typo = name[:cut_at] + name[cut_at + 1] + name[cut_at] + name[cut_at + 2 :]  # swap two letters
        queries += [typo, b.acronym, " ".join(name.split()[-2:]).lower()]
    _emit(
        metric="search_s", value=per_call(cycle_calls([lambda q=q: reg.search(q) for q in queries]), samples)
    )

    start = time.perf_counter()
    reg.as_of(2020)
    first = time.perf_counter() - start
    more = [first] + [best_of(lambda: reg.as_of(2020), 1) for _ in range(repeat - 1 if first < 2 else 0)]
    _emit(metric="as_of_s", value=statistics.median(more))


def scale(sizes: list[int], repeat: int, samples: int, timeout: float) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench-overlay-") as tmp:
        for size in sizes:
            path = Path(tmp) / f"overlay-{size}.json"
            synth.write_overlay(size, path)
            print(f"  {size:>7,} records ...", end="", flush=True)
            command = [sys.executable, str(Path(__file__).resolve()), "--worker", str(size), str(path)]
            command += ["--repeat", str(repeat), "--samples", str(samples)]
            result: dict[str, Any] = {"records": size}
            start = time.perf_counter()
            with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as proc:
                assert proc.stdout is not None
                try:
                    for line in _lines(proc, deadline=start + timeout):
                        item = json.loads(line)
                        result[item.pop("metric")] = item["value"] if len(item) == 1 else item
                except TimeoutError:
                    proc.kill()
                    result["timed_out_after_s"] = timeout
                    print(f" timed out after {timeout:.0f} s,", end="")
                if proc.wait() != 0 and "timed_out_after_s" not in result:
                    msg = f"the worker for {size} records failed (exit {proc.returncode})"
                    raise RuntimeError(msg)
            print(f" {time.perf_counter() - start:.1f} s")
            path.unlink()
            out[str(size)] = result
    return out


def _lines(proc: subprocess.Popen[str], deadline: float) -> Iterator[str]:
    import selectors

    assert proc.stdout is not None
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        while True:
            left = deadline - time.perf_counter()
            if left <= 0 or not sel.select(timeout=left):
                raise TimeoutError
            line = proc.stdout.readline()
            if not line:
                return
            yield line


# -- targets and report -------------------------------------------------------


def _get(results: dict[str, Any], *path: str) -> Any:
    value: Any = results
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    if isinstance(value, dict) and "value" in value:
        value = value["value"]
    return value


def _ratio(a: Any, b: Any) -> float | None:
    if a is None or b is None or not b:
        return None
    return float(a) / float(b)


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    cold = results.get("cold", {})
    load = results.get("load", {})
    # The start-up budgets are issue 10's: the import at most 1.2x attrs', the first
    # query at most 1.1x pycountry's import and lookup, measured side by side.
    rows = [
        ("import asean_digital / import attrs", _ratio(_get(cold, "import", "median_ms"),
                                                       _get(cold, "attrs", "median_ms")), 1.2),
        ("import + first query / pycountry import + get", _ratio(_get(cold, "first_query", "median_ms"),
                                                                 _get(cold, "pycountry", "median_ms")), 1.1),
        ("structuring / json.loads (packaged data)", load.get("structure_ratio"), 2.0),
        ("bytes to indexed registry / json.loads (packaged data)", load.get("full_load_ratio"), 3.0),
    ]  # fmt: skip
    scale_results = results.get("scale", {})
    sizes = sorted(int(s) for s in scale_results)
    if len(sizes) >= 2:
        small, large = str(sizes[0]), str(sizes[-1])
        grow = f"{sizes[0]:,} to {sizes[-1]:,}"

        def growth(metric: str) -> float | None:
            return _ratio(_get(scale_results, large, metric), _get(scale_results, small, metric))

        def per_record(size: str) -> float | None:
            return _ratio(_get(scale_results, size, "load_s"), int(size))

        rows += [
            (f"body() growth, {grow}", growth("body_s"), 2.0),
            (f"bodies(established_before=) growth, {grow}", growth("bodies_before_s"), 2.0),
            (f"load time per record growth, {grow}", _ratio(per_record(large), per_record(small)), 1.5),
            (f"search() growth / size growth, {grow}", _ratio(growth("search_s"), sizes[-1] / sizes[0]), 1.0),
        ]
    if sizes:
        large = str(sizes[-1])
        rows += [
            (f"load / json.loads at {int(large):,}", _ratio(_get(scale_results, large, "load_s"),
                                                            _get(scale_results, large, "json_loads_s")), 3.0),
            (f"retained KB per record at {int(large):,}",
             _ratio(_get(scale_results, large, "retained_per_record"), 1024), 1.4),
        ]  # fmt: skip
    return [
        {"target": name, "value": value, "limit": limit, "met": None if value is None else value <= limit}
        for name, value, limit in rows
    ]


def _fmt(value: Any, spec: str = ".2f", suffix: str = "") -> str:
    if value is None:
        return "n/a"
    return f"{value:{spec}}{suffix}"


def report(results: dict[str, Any]) -> None:
    m = results["machine"]
    print()
    print(
        f"asean_digital {m['asean_digital']} (data {m['data_version']}) on {m['cores']} cores, "
        f"{m['implementation']} {m['python']}, {m['platform']}"
    )
    cold = results.get("cold")
    if cold:
        runs = max(c["runs"] for c in cold.values())
        print(f"\ncold start, median of {runs} whole-process runs      ms   ratio")
        base = {"attrs": "floor", "import": "attrs", "first_query": "pycountry", "pycountry": "floor"}
        for name, label in COLD_LABELS.items():
            if name not in cold:
                continue
            ms = cold[name]["median_ms"]
            ref = base.get(name)
            ratio = _ratio(ms, _get(cold, ref, "median_ms")) if ref else 1.0
            print(f"  {label:<42} {ms:8.1f} {_fmt(ratio, '6.2f', 'x')} {ref or ''}")
    load = results.get("load")
    if load:
        print(f"\npackaged data ({load['records']} records, {load['bytes']:,} bytes), best of N   ms   ratio")
        floor = load["json_loads_ms"]
        for key, label in (
            ("json_loads_ms", "json.loads (floor)"),
            ("structure_ms", "structuring (converter.structure)"),
            ("full_load_ms", "bytes to indexed registry (load())"),
            ("load_dataset_ms", "  of which read, structure, keys, validate"),
            ("validate_ms", "  of which validate"),
            ("registry_ms", "  of which query indices (Registry)"),
        ):
            print(f"  {label:<42} {load[key]:8.2f} {load[key] / floor:6.2f}x")
    q = results.get("queries")
    if q:
        print("\nqueries on the packaged registry, median per call        µs")
        for label, us in q["median_us"].items():
            print(f"  {label:<52} {us:9.2f}")
    sc = results.get("scale")
    if sc:
        print("\nscale (overlay of N records, half bodies, half documents)")
        header = (
            f"  {'records':>8} {'load µs/rec':>11} {'x json':>7} {'peak MB':>8} {'kept B/rec':>10} "
            f"{'body µs':>8} {'before µs':>9} {'partner µs':>10} {'as_of ms':>9} "
            f"{'index s':>8} {'search ms':>9}"
        )
        print(header)
        for size, r in sorted(sc.items(), key=lambda kv: int(kv[0])):
            n = int(size)

            def get(metric: str, r: dict[str, Any] = r) -> Any:
                return _get(r, metric)

            print(
                f"  {n:>8,} {_fmt(_ratio(get('load_s'), n / 1e6), '11.1f')} "
                f"{_fmt(_ratio(get('load_s'), get('json_loads_s')), '7.1f')} "
                f"{_fmt(_ratio(get('peak_bytes'), 1e6), '8.1f')} {_fmt(get('retained_per_record'), '10.0f')} "
                f"{_fmt(_ratio(get('body_s'), 1e-6), '8.2f')} "
                f"{_fmt(_ratio(get('bodies_before_s'), 1e-6), '9.2f')} "
                f"{_fmt(_ratio(get('bodies_partner_s'), 1e-6), '10.1f')} "
                f"{_fmt(_ratio(get('as_of_s'), 1e-3), '9.1f')} {_fmt(get('search_index_s'), '8.2f')} "
                f"{_fmt(_ratio(get('search_s'), 1e-3), '9.3f')}"
                + (f"  (timed out after {r['timed_out_after_s']:.0f} s)" if "timed_out_after_s" in r else "")
            )
        counts = {
            size: (_get(r, "bodies_before_s", "n"), _get(r, "bodies_partner_s", "n"))
            for size, r in sc.items()
        }
        print(
            "  results: before/partner = "
            + ", ".join(
                f"{int(s):,}: {b}/{p}" for s, (b, p) in sorted(counts.items(), key=lambda kv: int(kv[0]))
            )
        )
    print("\ntargets")
    for t in results["targets"]:
        verdict = {True: "met", False: "MISSED", None: "not measured"}[t["met"]]
        print(f"  {t['target']:<58} {_fmt(t['value'], '8.2f')}  limit {t['limit']:<4} {verdict}")


# -- comparison ---------------------------------------------------------------


def _flatten(value: Any, prefix: str = "") -> dict[str, float]:
    out: dict[str, float] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            out.update(_flatten(item, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(value, int | float) and not isinstance(value, bool):
        out[prefix] = float(value)
    return out


def compare(old: dict[str, Any], new: dict[str, Any]) -> None:
    skip = ("machine", "targets")
    a = _flatten({k: v for k, v in old.items() if k not in skip})
    b = _flatten({k: v for k, v in new.items() if k not in skip})
    om, nm = old.get("machine", {}), new.get("machine", {})
    print(f"\ncompared with {om.get('when')} ({om.get('cores')} cores, Python {om.get('python')})")
    if (om.get("cores"), om.get("python")) != (nm.get("cores"), nm.get("python")):
        print("  note: a different machine or Python; deltas mix the two")
    print(f"  {'metric':<70} {'old':>12} {'new':>12} {'change':>8}")
    for key in sorted(a.keys() & b.keys()):
        if key.endswith((".runs", "records", ".bytes", ".n")):
            continue
        change = (b[key] - a[key]) / a[key] * 100 if a[key] else float("nan")
        print(f"  {key:<70} {a[key]:12.4g} {b[key]:12.4g} {change:+7.1f}%")
    for key in sorted(a.keys() - b.keys()):
        print(f"  {key:<70} {a[key]:12.4g} {'-':>12}")
    for key in sorted(b.keys() - a.keys()):
        print(f"  {key:<70} {'-':>12} {b[key]:12.4g}")


# -- command line -------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", help="comma-separated overlay sizes (default 1000,10000,100000)")
    parser.add_argument("--quick", action="store_true", help="smallest size only, few repeats (a smoke run)")
    parser.add_argument("--runs", type=int, help="whole-process runs per cold-start case (default 15)")
    parser.add_argument("--repeat", type=int, help="in-process repeats for best-of timings")
    parser.add_argument("--samples", type=int, help="batches per median query latency")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed per scale size")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: cold,load,queries,scale")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write the results")
    parser.add_argument("--compare", type=Path, help="an earlier results file to print deltas against")
    parser.add_argument("--worker", nargs=2, metavar=("SIZE", "OVERLAY"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    repeat = args.repeat or (2 if args.quick else 30)
    samples = args.samples or (3 if args.quick else 9)
    if args.worker:
        size, overlay = args.worker
        scale_worker(int(size), Path(overlay), args.repeat or (1 if args.quick else 3), samples)
        return 0
    if args.sizes:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    else:
        sizes = [DEFAULT_SIZES[0]] if args.quick else list(DEFAULT_SIZES)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    old = json.loads(args.compare.read_text()) if args.compare else None

    results: dict[str, Any] = {"schema": SCHEMA, "quick": args.quick, "machine": machine()}
    if "cold" not in skip:
        runs = args.runs or (3 if args.quick else 15)
        print(f"cold start: {len(COLD_CASES)} cases x {runs} runs ...", flush=True)
        results["cold"] = cold_start(runs)
    if "load" not in skip:
        print(f"packaged load: best of {repeat} ...", flush=True)
        results["load"] = packaged_load(repeat)
    if "queries" not in skip:
        print(f"queries: median of {samples} batches ...", flush=True)
        results["queries"] = queries(samples)
    if "scale" not in skip:
        print(f"scale: {', '.join(f'{s:,}' for s in sizes)} records, each in its own process", flush=True)
        results["scale"] = scale(sizes, args.repeat or (1 if args.quick else 3), samples, args.timeout)
    results["targets"] = targets(results)

    report(results)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nresults written to {args.json}")
    if old is not None:
        compare(old, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
