#!/usr/bin/env python3
"""Generates benchmark sites from ../shared/eval/corpus: N briefings for briefing, and the same articles as a
Hugo site and a Jekyll site with equivalent templates (title, body, tag list, home page list). Hugo also writes a
feed of the 50 newest, as ours does; Jekyll, without plugins, writes none.

Copies of an article are made distinct (a copy number in the title and a line naming the copy), so nothing can
be deduplicated by content.

Usage: make_sites.py CORPUS OUT N
  writes OUT/briefing/Content, OUT/hugo, OUT/jekyll
"""
import os
import pathlib
import shutil
import sys

TAGS = ["politics", "economy", "campaign", "courts", "congress", "media", "foreign", "polls"]


def main() -> None:
    corpus, out, count = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
    articles = sorted(p for p in corpus.glob("*.txt"))
    if out.exists():
        shutil.rmtree(out)
    ours = out / "briefing" / "Content" / "briefings"
    hugo = out / "hugo" / "content" / "posts"
    jekyll = out / "jekyll" / "_posts"
    for folder in (ours, hugo, jekyll):
        folder.mkdir(parents=True)
    (out / "briefing" / "Content" / "site.yml").write_text("title: Benchmark\ndescription: Benchmark site\n")
    for n in range(count):
        source = articles[n % len(articles)]
        copy = n // len(articles) + 1
        text = source.read_text(encoding="utf-8")
        lines = text.split("\n")
        title = lines[0].strip().rstrip(".") or source.stem
        title = f"{title} (copy {copy})".replace('"', "'")
        body = "\n".join(lines[1:]).strip("\n") + f"\n\nThis is copy {copy} of article {source.stem}.\n"
        tags = [TAGS[n % len(TAGS)], TAGS[(n // 3 + 1) % len(TAGS)]]
        day = f"2016-{1 + n % 12:02d}-{1 + n % 28:02d}"
        slug = f"{source.stem}-{copy}"
        front = f'---\ntitle: "{title}"\npublished: {day}\ntags: [{", ".join(tags)}]\n---\n'
        (ours / f"{day}-{slug}.txt").write_text(front + body, encoding="utf-8")
        hugo_front = f'---\ntitle: "{title}"\ndate: {day}\ntags: [{", ".join(tags)}]\n---\n'
        (hugo / f"{slug}.md").write_text(hugo_front + body, encoding="utf-8")
        (jekyll / f"{day}-{slug}.md").write_text(hugo_front + body, encoding="utf-8")
    here = pathlib.Path(__file__).resolve().parent
    shutil.copytree(here / "hugo-theme" / "layouts", out / "hugo" / "layouts")
    # The same kinds of files as ours: pages and a feed of the 50 newest, with no feed per tag; no sitemap,
    # which ours writes only for a site with a baseURL (the benchmark's has none).
    (out / "hugo" / "hugo.toml").write_text(
        'baseURL = "/"\ntitle = "Benchmark"\ndisableKinds = ["sitemap"]\n'
        '[outputs]\nhome = ["HTML", "RSS"]\nsection = ["HTML"]\ntaxonomy = ["HTML"]\nterm = ["HTML"]\n'
        '[services.rss]\nlimit = 50\n'
    )
    shutil.copytree(here / "jekyll-theme", out / "jekyll", dirs_exist_ok=True)


if __name__ == "__main__":
    main()
