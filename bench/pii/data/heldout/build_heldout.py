#!/usr/bin/env python3
"""Build bench/pii/data/heldout.jsonl from the held-out markup files in this folder.

Reuses bench/pii/handset_build.py (same markup, checks and JSONL shape) with
only its input folder and output file switched; the converter itself is not
changed. Usage: python3 bench/pii/data/heldout/build_heldout.py [--quiet]
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # bench/pii

import handset_build as hb  # noqa: E402

hb.SRC_DIR = HERE
hb.OUT_FILE = HERE.parent / "heldout.jsonl"

if __name__ == "__main__":
    try:
        hb.main()
    except hb.BuildError as e:
        sys.exit("build_heldout: error: %s" % e)
