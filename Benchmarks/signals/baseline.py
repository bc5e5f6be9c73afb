"""Python baseline of the Pingan signals pipeline (issue 5, "Performance").

The same stages as `pingan signals bench`, built from the libraries a Python team would pick:
normalise (unicodedata NFKC + lower case + regular expressions for URLs, @mentions, #hashtags#, emoji),
near-duplicates (datasketch MinHash, 128 permutations over character trigrams, MinHashLSH threshold 0.7),
monitoring subjects (each subject's OR-groups tested with `in`), sentiment (snownlp), topics (jieba words,
TF-IDF, single-pass clustering with an inverted index), counters. Prints one JSON object with posts/s per stage
and end to end, by CPU time (as the Swift benchmark) and by wall-clock time. Run by Benchmarks/signals/run.sh on the corpus the Swift benchmark exports.
"""
import argparse
import collections
import json
import math
import re
import time
import unicodedata

import jieba
from datasketch import MinHash, MinHashLSH
from snownlp import SnowNLP

URL = re.compile(r"https?://[\x21-\x7e]+|www\.[\x21-\x7e]+")
MENTION = re.compile(r"@[\w\u4e00-\u9fff-]{1,30}")
HASHTAG = re.compile(r"#([^#\s]{1,64})#")
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE00-\uFE0F\u200D\u2B00-\u2BFF]")
REPEAT = re.compile(r"([!?。,.！？，…])\1+")
CONTENT = re.compile(r"[^0-9a-z\u3400-\u9fff]")


def normalise(text):
    text = unicodedata.normalize("NFKC", text).lower()
    urls = URL.findall(text)
    text = URL.sub(" ", text)
    mentions = len(MENTION.findall(text))
    text = MENTION.sub(" ", text)
    hashtags = HASHTAG.findall(text)
    text = HASHTAG.sub(r" \1 ", text)
    text = EMOJI.sub("", text)
    text = REPEAT.sub(r"\1", text)
    text = " ".join(text.split())
    return text, CONTENT.sub("", text), urls, mentions, hashtags


class Dedupe:
    def __init__(self):
        self.lsh = MinHashLSH(threshold=0.7, num_perm=128)
        self.exact = {}

    def check(self, post_id, content):
        if content in self.exact:
            return self.exact[content]
        m = MinHash(num_perm=128)
        grams = [content[i:i + 3] for i in range(max(1, len(content) - 2))]
        m.update_batch([g.encode("utf-8") for g in grams])
        found = self.lsh.query(m)
        if found:
            return found[0]
        self.lsh.insert(post_id, m)
        self.exact[content] = post_id
        return None


class Subjects:
    def __init__(self, subjects):
        self.subjects = subjects

    def match(self, content):
        out = []
        for s in self.subjects:
            if all(any(t in content for t in group) for group in s["groups"]) and not any(
                t in content for t in s["exclusions"]
            ):
                out.append(s["name"])
        return out


class Topics:
    def __init__(self, threshold=0.3):
        self.threshold = threshold
        self.df = collections.Counter()
        self.docs = 0
        self.centroids = []
        self.index = collections.defaultdict(list)

    def assign(self, text):
        words = [w for w in jieba.lcut(text) if w.strip()]
        self.docs += 1
        tf = collections.Counter(words)
        for w in tf:
            self.df[w] += 1
        vec = {w: (1 + math.log(c)) * (math.log((self.docs + 1) / (self.df[w] + 1)) + 1) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        candidates = collections.Counter()
        for w, _ in sorted(vec.items(), key=lambda kv: -kv[1])[:8]:
            for t in self.index[w]:
                candidates[t] += 1
        best, best_sim = None, 0.0
        for t, _ in candidates.most_common(12):
            c = self.centroids[t]
            dot = sum(v * c.get(w, 0.0) for w, v in vec.items())
            cn = math.sqrt(sum(v * v for v in c.values())) or 1.0
            sim = dot / (norm * cn)
            if sim >= self.threshold and sim > best_sim:
                best, best_sim = t, sim
        if best is None:
            best = len(self.centroids)
            self.centroids.append(dict(vec))
            for w, _ in sorted(vec.items(), key=lambda kv: -kv[1])[:10]:
                self.index[w].append(best)
        else:
            c = self.centroids[best]
            for w, v in vec.items():
                c[w] = c.get(w, 0.0) + v
        return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--subjects", required=True)
    parser.add_argument("--limit", type=int, default=5000)
    args = parser.parse_args()
    posts = []
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            posts.append(json.loads(line))
            if len(posts) >= args.limit:
                break
    with open(args.subjects, encoding="utf-8") as f:
        subjects = json.load(f)
    jieba.initialize()
    figures = {"posts": len(posts), "subjects": len(subjects)}

    def timed(name, fn):
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        figures["posts_per_second." + name] = len(posts) / (time.process_time() - cpu)
        figures["wall_posts_per_second." + name] = len(posts) / (time.perf_counter() - start)
        return result

    normalised = timed("normalise", lambda: [normalise(p["text"]) for p in posts])
    dedupe = Dedupe()
    timed("near-duplicates", lambda: [dedupe.check(p["id"], n[1]) for p, n in zip(posts, normalised)])
    matcher = Subjects(subjects)
    timed("subjects", lambda: [matcher.match(n[1]) for n in normalised])
    timed("sentiment", lambda: [SnowNLP(n[0]).sentiments for n in normalised if n[0]])
    topics = Topics()
    timed("topics", lambda: [topics.assign(n[0]) for n in normalised])

    def end_to_end():
        dedupe, topics, counters = Dedupe(), Topics(), collections.Counter()
        for p in posts:
            text, content, _, _, _ = normalise(p["text"])
            duplicate = dedupe.check(p["id"], content)
            matched = matcher.match(content)
            if text:
                SnowNLP(text).sentiments
            topic = topics.assign(text)
            counters[(topic, p["time"][:10])] += 1
            for s in matched:
                counters[(s, p["time"][:10])] += 1
            del duplicate

    timed("end-to-end", end_to_end)
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
