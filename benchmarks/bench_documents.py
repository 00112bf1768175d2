"""Render an agreement against python-docx opening and saving the same template; then a 100-document batch.

Usage: python benchmarks/bench_documents.py [--repeat N] [--batch N]

The floor is ``Document(template).save(out)`` on the built-in agreement template: the unavoidable cost of
reading and writing the .docx. The budget (issue 4): one agreement within 2x of that floor, measured in
the same run (the two are timed alternately so machine load hits both alike), and 100 documents well
under a minute.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date

from common import report, timer, tmpdir
from docx import Document

from mediation_desktop.documents import batch_render, builtin_template_dir, render
from mediation_desktop.documents.samples import sample_collective_case, sample_org

TODAY = date(2026, 2, 20)


def main(repeat: int, batch: int) -> None:
    work = tmpdir("bench-docs-")
    org = sample_org()
    case = sample_collective_case()
    template = builtin_template_dir() / "agreement.docx"

    with timer() as cold:
        render("agreement", case, org, work / "cold.docx", today=TODAY)
    print(f"first render in this process (compiles the template): {cold['s'] * 1000:.1f} ms")

    floor_times, ours_times = [], []
    for i in range(repeat):
        start = time.perf_counter()
        Document(str(template)).save(str(work / f"floor{i % 2}.docx"))
        floor_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        render("agreement", case, org, work / f"ours{i % 2}.docx", today=TODAY)
        ours_times.append(time.perf_counter() - start)
    floor, ours = statistics.median(floor_times), statistics.median(ours_times)
    print(f"python-docx open+save: {floor * 1000:.1f} ms; render agreement (12 applicants, 4 items): "
          f"{ours * 1000:.1f} ms  (medians of {repeat})")
    report("one agreement vs python-docx open+save", ours, floor, 2.0)

    cases = []
    for i in range(batch):
        c = sample_collective_case()
        c.case_no = f"（2026）津和南调字第{i + 1}号"
        cases.append(c)
    done = []
    with timer() as t_batch:
        result = batch_render("agreement", cases, org, work / "batch", progress=lambda d, n: done.append(d), today=TODAY)
    assert len(result) == batch and not result.failures and done[-1] == batch
    print(f"batch of {batch} agreements: {t_batch['s']:.2f} s ({t_batch['s'] / batch * 1000:.1f} ms each; "
          f"target well under 60 s) {'OK' if t_batch['s'] < 60 else 'OVER TARGET'}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    main(args.repeat, args.batch)
