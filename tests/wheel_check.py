"""Install the built wheel into a new venv outside the source tree and query it.

Run by ``make wheel-check``: proves the wheel carries the data and answers the
card's first query on its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

QUERY = """
import json, asean_digital as ad
print(json.dumps({
    "version": ad.__version__,
    "data_version": ad.registry.data_version,
    "bodies": [b.acronym for b in ad.registry.bodies(established_before=2012)],
    "file": ad.__file__,
}))
"""


def main(dist: str) -> int:
    wheels = sorted(Path(dist).glob("asean_digital-*.whl"))
    if len(wheels) != 1:
        print(f"expected one wheel in {dist}, found {wheels}", file=sys.stderr)
        return 1
    wheel = wheels[0].resolve()
    names = zipfile.ZipFile(wheel).namelist()
    data = sorted(n for n in names if n.startswith("asean_digital/data/") and n.endswith(".json"))
    missing = {"asean_digital/py.typed", "asean_digital/data/bodies.json"} - set(names)
    if missing or len(data) < 13:
        print(f"the wheel lacks {sorted(missing)} or data files ({len(data)} found)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        env_dir = Path(tmp) / "venv"
        venv.create(env_dir, with_pip=True)
        python = env_dir / "bin" / "python"
        # Only the wheel itself comes from here; its dependencies from the index.
        subprocess.run(
            [python, "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
            check=True,
        )
        result = subprocess.run([python, "-c", QUERY], check=True, capture_output=True, text=True, cwd=tmp)
    answer = json.loads(result.stdout)
    if answer["bodies"] != ["ATRC", "ADGSOM", "ADGMIN", "SSM"] or "site-packages" not in answer["file"]:
        print(f"unexpected answer from the installed wheel: {answer}", file=sys.stderr)
        return 1
    print(
        f"wheel ok: {wheel.name} ({len(data)} data files) installed outside the tree answers "
        f"bodies(established_before=2012) = {answer['bodies']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
