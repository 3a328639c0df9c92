#!/usr/bin/env python3
"""An outside judge of the Word export: python-docx (PyPI) opens each file
written by `cargo run -p nianbao-core --example docx -- DIR` and must find the
title, the three tables (and the 信息处理费 table where the report has one) with
the rows, grid columns and merges the template declares, and the export-stage
counts in the document properties.

Usage: scripts/docx-judge.py DIR   (exit status 1 on any mismatch)
"""
import json
import pathlib
import sys

import docx
from docx.oxml.ns import qn


def merges(table):
    spans = restarts = continued = 0
    for tr in table._tbl.tr_lst:
        for tc in tr.tc_lst:
            if tc.grid_span > 1 and tc.vMerge != "continue":
                spans += 1
            if tc.vMerge == "restart":
                restarts += 1
            elif tc.vMerge == "continue":
                continued += 1
    return spans, restarts, continued


def judge(path):
    expect = json.loads(path.with_suffix(".expect.json").read_text("utf-8"))
    d = docx.Document(str(path))
    problems = []
    if d.paragraphs[0].text != expect["title"]:
        problems.append(f"title {d.paragraphs[0].text!r} != {expect['title']!r}")
    # The export-stage counts are in the document properties (备注).
    if d.core_properties.comments != expect["counts"]:
        problems.append(f"counts {d.core_properties.comments!r} != {expect['counts']!r}")
    want_tables = len(expect["tables"]) + (1 if expect["feeTable"] else 0)
    if len(d.tables) != want_tables:
        problems.append(f"{len(d.tables)} tables, expected {want_tables}")
    for table, want in zip(d.tables, expect["tables"]):
        name = want["name"]
        rows, cols = len(table.rows), len(table.columns)
        if (rows, cols) != (want["rows"], want["cols"]):
            problems.append(f"{name}: {rows}×{cols}, expected {want['rows']}×{want['cols']}")
        # Every row covers the grid.
        for i, tr in enumerate(table._tbl.tr_lst):
            width = sum(tc.grid_span for tc in tr.tc_lst)
            if width != want["cols"]:
                problems.append(f"{name} row {i}: {width} grid columns")
        got = merges(table)
        if got != (want["spans"], want["restarts"], want["continued"]):
            problems.append(f"{name}: merges {got}, expected {(want['spans'], want['restarts'], want['continued'])}")
        # Header rows repeat on every page; no row splits across pages.
        for tr in table._tbl.tr_lst:
            if tr.trPr is None or tr.trPr.find(qn("w:cantSplit")) is None:
                problems.append(f"{name}: a row may split across pages")
                break
    section = d.sections[0]
    if (round(section.page_width.mm), round(section.page_height.mm)) != (210, 297):
        problems.append("not A4")
    return problems


def main():
    folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/docx")
    files = sorted(folder.glob("*.docx"))
    if not files:
        print(f"no .docx in {folder}", file=sys.stderr)
        return 1
    failed = 0
    for f in files:
        problems = judge(f)
        print(f"{f.name}: {'ok' if not problems else '; '.join(problems)}")
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
