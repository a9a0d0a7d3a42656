#!/usr/bin/env python3
"""`make bench`: builds of 2,520 and 10,080 briefings made from ../shared/eval/corpus, side by side with Hugo,
Jekyll (2,520 only) and the cmark floor, in one run. Prints one table: wall time (hyperfine mean ± σ), peak
memory (/usr/bin/time -v), pages in the output, files the build wrote, and each of ours as a ratio to Hugo.

Usage: bench.py BRIEFING_BINARY [--sizes 2520,10080] [--runs 5] [--work /tmp/briefing-bench]
(--runs is for the full builds; the no-change and one-article rebuilds take four times as many.)
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = REPO.parent / "shared" / "eval" / "corpus"


def sh(cmd, cwd=None):
    return subprocess.run(cmd, shell=True, cwd=cwd, check=True, capture_output=True, text=True)


def peak_kb(cmd, cwd):
    out = subprocess.run(f"/usr/bin/time -v {cmd}", shell=True, cwd=cwd, capture_output=True, text=True)
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr)
    return int(match.group(1)) if match else None


def count_pages(folder):
    return sum(1 for _ in pathlib.Path(folder).rglob("*.html")) if os.path.isdir(folder) else 0


def hyperfine(name, cmd, cwd, runs, prepare=None, warmup=1):
    export = pathlib.Path(cwd) / f".hyperfine-{re.sub('[^a-z0-9]+', '-', name.lower())}.json"
    args = ["hyperfine", "--style", "none", "--runs", str(runs), "--warmup", str(warmup), "--export-json", str(export)]
    if prepare:
        args += ["--prepare", prepare]
    args.append(cmd)
    subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True)
    result = json.loads(export.read_text())["results"][0]
    export.unlink()
    return result["mean"], result["stddev"], result["median"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--sizes", default="2520,10080")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", default="/tmp/briefing-bench")
    options = parser.parse_args()
    binary = str(pathlib.Path(options.binary).resolve())
    rows = []
    for size in [int(s) for s in options.sizes.split(",")]:
        work = pathlib.Path(options.work) / str(size)
        print(f"== generating {size} briefings in {work}", file=sys.stderr)
        sh(f"python3 {HERE / 'make_sites.py'} {CORPUS} {work} {size}")
        ours = work / "briefing"
        # A copy of the default theme, so the template-change runs never touch the repository.
        shutil.copytree((REPO / "Templates").resolve(), ours / "Templates")
        templates = ours / "Templates"
        build = f"{binary} build --quiet"
        article = sorted((ours / "Content" / "briefings").glob("*.txt"))[size // 2]
        toggle_article = (f"python3 {HERE / 'toggle.py'} {article} 'The article was edited for the benchmark.'")
        template = templates / "briefing.mustache"
        toggle_template = f"python3 {HERE / 'toggle.py'} {template} '<!-- benchmark -->'"
        # First build creates the output and the folder it swaps with, as any site that has been built once has.
        subprocess.run(build, shell=True, cwd=ours, check=True)
        subprocess.run(build, shell=True, cwd=ours, check=True)
        results = {}
        print("   briefing cold", file=sys.stderr)
        results["briefing: cold build (cache removed)"] = (
            hyperfine("cold", build, ours, options.runs, prepare="rm -rf .briefing-cache"), "rm -rf .briefing-cache")
        # Rebuilds that take a tenth of a second are timed four times as often: on a shared machine one slow run
        # in five moved their mean by a tenth.
        quick_runs = options.runs * 4
        print("   briefing no change", file=sys.stderr)
        results["briefing: no-change rebuild"] = (hyperfine("nochange", build, ours, quick_runs), None)
        print("   briefing one article", file=sys.stderr)
        results["briefing: one article changed"] = (
            hyperfine("article", build, ours, quick_runs, prepare=toggle_article), toggle_article)
        print("   briefing one template", file=sys.stderr)
        results["briefing: one template changed"] = (
            hyperfine("template", build, ours, options.runs, prepare=toggle_template), toggle_template)
        print("   swift-mustache renderer cold", file=sys.stderr)
        results["briefing (swift-mustache): cold build"] = (
            hyperfine("swiftmustache", f"env BRIEFING_RENDERER=swift-mustache {build}", ours, max(2, options.runs // 2),
                      prepare="rm -rf .briefing-cache"), "rm -rf .briefing-cache")
        hugo = work / "hugo"
        print("   hugo", file=sys.stderr)
        hugo_cmd = "hugo --quiet -d public"
        subprocess.run(hugo_cmd, shell=True, cwd=hugo, check=True, capture_output=True)
        results["hugo"] = (hyperfine("hugo", hugo_cmd, hugo, options.runs), None)
        if size <= 2520:
            jekyll = work / "jekyll"
            print("   jekyll", file=sys.stderr)
            jekyll_cmd = "jekyll build --quiet -d _site"
            results["jekyll"] = (hyperfine("jekyll", jekyll_cmd, jekyll, max(2, options.runs // 2)), None)
        floor = work / "floor"
        floor.mkdir(exist_ok=True)
        corpus_md = " ".join(str(p) for p in sorted((hugo / "content" / "posts").glob("*.md")))
        (floor / "files.txt").write_text(corpus_md)
        print("   cmark floor", file=sys.stderr)
        results["cmark (Markdown floor)"] = (hyperfine("cmark", "xargs cmark < files.txt > /dev/null", floor, options.runs), None)

        hugo_mean = results["hugo"][0][0]
        for name, ((mean, stddev, median), prepare) in results.items():
            if name.startswith("briefing"):
                cwd, cmd, out = ours, (f"env BRIEFING_RENDERER=swift-mustache {build}" if "swift-mustache" in name else build), ours / "Public"
            elif name == "hugo":
                cwd, cmd, out = hugo, hugo_cmd, hugo / "public"
            elif name == "jekyll":
                cwd, cmd, out = work / "jekyll", jekyll_cmd, work / "jekyll" / "_site"
            else:
                cwd, cmd, out = floor, "xargs cmark < files.txt > /dev/null", None
            if prepare:
                subprocess.run(prepare, shell=True, cwd=cwd, check=True)
            memory = peak_kb(cmd, cwd)
            if prepare and "toggle" in prepare:
                subprocess.run(prepare, shell=True, cwd=cwd, check=True)  # put it back
            ratio = f"{mean / hugo_mean:.2f}" if name.startswith("briefing") else ""
            rows.append((size, name, mean, stddev, memory, count_pages(out) if out else "", ratio))
        sh(f"python3 {HERE / 'toggle.py'} --restore {template} '<!-- benchmark -->'")
        sh(f"python3 {HERE / 'toggle.py'} --restore {article} 'The article was edited for the benchmark.'")

    print()
    print(f"| briefings | build | wall s (mean ± σ) | peak MiB | pages | ratio to Hugo |")
    print(f"|---|---|---|---|---|---|")
    for size, name, mean, stddev, memory, pages, ratio in rows:
        mib = f"{memory / 1024:.0f}" if memory else "?"
        print(f"| {size:,} | {name} | {mean:.3f} ± {stddev:.3f} | {mib} | {pages} | {ratio} |")
    cold = {size: mean for size, name, mean, *_ in rows if name == "briefing: cold build (cache removed)"}
    if 2520 in cold and 10080 in cold:
        print(f"\n10,080 / 2,520 cold-build time: {cold[10080] / cold[2520]:.2f}")
    for size in sorted(cold):
        ratios = {name: mean / cold[size] for s, name, mean, *_ in rows if s == size and name.startswith("briefing:")}
        print(f"{size:,}: " + ", ".join(f"{name.split(': ')[1]} {ratio:.3f}× cold" for name, ratio in ratios.items()))


if __name__ == "__main__":
    main()
