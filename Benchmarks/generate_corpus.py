#!/usr/bin/env python3
"""Writes N realistic help-center articles that both `helpcenter build` and Hugo can build.

Usage: generate_corpus.py N OUT_DIR   (writes OUT_DIR/Content; same seed, same bytes, every run)
"""
import os
import random
import sys

WORDS = ("account booking calendar meeting invite team settings billing refund integration zoom link "
         "schedule confirm connect disconnect workspace member role export report notification email "
         "password security token access page reader writer search template category article").split()


def sentence(rng, words=12):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def article(rng, index, category, siblings):
    other = rng.choice(siblings)
    lines = [
        "---",
        f"title: \"How do I {rng.choice(WORDS)} my {rng.choice(WORDS)} ({index})?\"",
        f"description: \"{sentence(rng, 10)[:-1]}\"",
        f"weight: {index % 50}",
        f"tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]",
        "---",
        "",
        f"> **Quick overview:** {sentence(rng, 20)}",
        "",
    ]
    for section in range(4):
        lines += [f"## {sentence(rng, 4)[:-1]}", "", " ".join(sentence(rng) for _ in range(4)), ""]
        lines += [f"{step}. {sentence(rng, 8)}" for step in range(1, 6)] + [""]
        lines += [f"- {sentence(rng, 6)}" for _ in range(3)] + [""]
        if section == 1:
            lines += ["```sh", f"helpcenter {rng.choice(WORDS)} --{rng.choice(WORDS)}", "```", ""]
    lines += [
        f"See [a related article](/{category}/{other}/) and [the product site](https://example.com/{rng.choice(WORDS)}).",
        "",
    ]
    return "\n".join(lines)


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261125)
    categories = max(1, count // 100)
    per_category = count // categories
    for c in range(categories):
        category = f"topic-{c:03d}"
        folder = os.path.join(out, "Content", category)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "_index.md"), "w") as f:
            f.write(f"---\ntitle: \"Topic {c}\"\ndescription: \"{sentence(rng, 8)[:-1]}\"\nweight: {c}\n---\n")
        slugs = [f"article-{a:04d}" for a in range(per_category)]
        for a, slug in enumerate(slugs):
            with open(os.path.join(folder, slug + ".md"), "w") as f:
                f.write(article(rng, c * per_category + a, category, slugs))


if __name__ == "__main__":
    main()
