"""Builds src/yalu/names/data/people.tsv, the one people table, from its three sources.

    python tools/build_people.py          (also run by tools/build_gazetteers.py, i.e. `make data`)

Sources, in order of priority:
1. ``data/officials.yaml`` (hand-edited): the officials this press names most, with the reading the papers
   write and their posts with years. Its facts win; an entry with namesakes in CPED says which CPED row is
   the same person (``cped: 李强(浙江省)``).
2. ``data/korean_people.tsv`` (hand-written): Korean persons with their own Hanzi and romanisation;
   ``data/historical_people.tsv`` (hand-written): people of history the press names (the north-east's
   anti-Japanese fighters, 雷锋, 吴大澂 …), whose four forms are computed here as for CPED's.
3. The Chinese Political Elite Database (CPED) 1.0, biographical table (``background1.csv``; 4,057
   officials: city leaders 2000–2015, provincial leaders 1995–2015, Central Committee members 1997–2012),
   read where it lies (../shared/data/cped/, or $YALU_CPED) and never copied: only its facts are kept
   (Hanzi, ethnicity, birth year, native place). It holds no posts.

For every person the four forms are computed here (yalu.names.forms), so loading needs neither pypinyin
nor OpenCC. The ethnicity decides how the South Korean press writes the name:
- a Korean-Chinese (朝鲜族) official's name is a Korean name: 李景浩 → 리경호 in these papers, 이경호 in
  the South (the reading under the initial-sound law), not the Mandarin transcription 리징하오;
- a name that transcribes a Mongolian, Tibetan, Uyghur or Kazakh name by its sound (a 4+ character name,
  a name with ·, or one that does not begin with a common surname) is written by its sound in Korean too
  (呼格吉勒图 → 후거지러투): the reading is the transcription;
- every other name (Han, and the minorities with names of Han shape) is read character by character and
  transcribed from pinyin (许勤 허근 · 쉬친).

The header names each source (CPED's version, repository, commit and the file's SHA-256, from its
SOURCE.md); a test rebuilds the table in memory and compares.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from yalu.names import forms  # noqa: E402
from yalu.names.places import initial_sound_law  # noqa: E402

DATA = ROOT / "src" / "yalu" / "names" / "data"
CPED = Path(os.environ.get("YALU_CPED") or ROOT.parent / "shared" / "data" / "cped")
COLUMNS = ["hanzi", "traditional", "reading", "pinyin", "standard", "ethnicity", "born", "native", "region",
           "roles", "source", "note", "also"]
NORTH_EAST = ("辽宁", "吉林", "黑龙江")
# minorities whose names are often their own language's sound written in Hanzi
_SOUND_NAMED = {"蒙古族", "藏族", "维吾尔族", "哈萨克族", "柯尔克孜族", "塔吉克族", "乌孜别克族", "塔塔尔族",
                "达斡尔族", "鄂温克族", "鄂伦春族", "裕固族", "门巴族", "珞巴族"}
_COMMON_SURNAMES = 300      # a sound-named minority's name of Han shape begins with one of these


def source_line() -> str:
    """CPED's provenance, read from its SOURCE.md: version, repository and commit, and the file's hash."""
    text = (CPED / "SOURCE.md").read_text(encoding="utf-8")
    version = re.search(r"CPED\s+version\s+([\d.]+)\s*\((\d{4})\)", text)
    repo = re.search(r"repository\s+([\w.-]+/[\w.-]+)\s+\(commit\s+(\w+)\)", text)
    if not version or not repo:
        raise SystemExit(f"{CPED / 'SOURCE.md'}: cannot read CPED's version and repository")
    digest = hashlib.sha256((CPED / "background1.csv").read_bytes()).hexdigest()[:16]
    return (f"CPED {version.group(1)} ({version.group(2)}, Junyan Jiang), background1.csv sha256 {digest}…, "
            f"from https://github.com/{repo.group(1)} commit {repo.group(2)}")


def south_korean(reading: str, surname: int = 1) -> str:
    """A Korean name as the South writes it: the surname and the first syllable of a given name of two
    syllables or more under the initial-sound law (리룡희 → 이용희, 리경호 → 이경호); a one-syllable given
    name may keep its sound (제11항 붙임 1: 신립, 최린), and keeps it here."""
    out = initial_sound_law(reading[0]) + reading[1:surname]
    given = reading[surname:]
    if len(given) >= 2:
        given = initial_sound_law(given[0]) + given[1:]
    return out + given


def _surname_length(hanzi: str) -> int:
    compound = forms._surname(hanzi)
    return len(compound) if len(compound) > 1 else 2 if len(hanzi) >= 4 else 1


@cache
def _common_surnames() -> frozenset[str]:
    rows = [r for r in csv.DictReader((line for line in (DATA / "name_chars.tsv").read_text(encoding="utf-8")
                                       .splitlines() if not line.startswith("#")), delimiter="\t")
            if r["kind"] == "surname"]
    rows.sort(key=lambda r: -float(r["ppm"]))
    return frozenset(r["hanzi"] for r in rows[:_COMMON_SURNAMES])


def sound_named(hanzi: str, ethnicity: str) -> bool:
    """Whether the Hanzi write a non-Chinese name by its sound (巴音朝鲁, 努尔·白克力, 向巴平措)."""
    if re.search(r"[·\-]", hanzi):
        return True
    if ethnicity not in _SOUND_NAMED:
        return False
    return len(hanzi) >= 4 or hanzi[0] not in _common_surnames()


# Surnames OpenCC's s2t turns into another word's character (于 → 於, 范 → 範): a surname is its own
# traditional form (于, 余, 范, 郁, 党, 干), and the surname 钟 is 鍾, not the bell 鐘.
_SURNAME_TRADITIONAL = {"于": "于", "余": "余", "范": "范", "郁": "郁", "党": "党", "干": "干", "钟": "鍾"}


def traditional(hanzi: str) -> str:
    """A person's name in traditional characters: 于永泉 → 于永泉 (not 於永泉), 钟山 → 鍾山."""
    converted = forms.traditional(hanzi)
    return _SURNAME_TRADITIONAL.get(hanzi[0], converted[0]) + converted[1:] if hanzi else converted


def four_forms(hanzi: str, ethnicity: str) -> tuple[str, str, str, str]:
    """(traditional, reading, pinyin, standard) of a person's name, by ethnicity (see the module doc)."""
    if sound_named(hanzi, ethnicity):
        parts = [p for p in re.split(r"[·\-]", hanzi) if p]
        pinyin = " ".join(forms._join(forms.syllables(p)).capitalize() for p in parts)
        standard = "·".join(forms.standard(p, split=False) for p in parts)
        return traditional(hanzi), standard, pinyin, standard
    reading = forms.reading(hanzi, person=True)
    standard = (south_korean(reading, _surname_length(hanzi)) if ethnicity == "朝鲜族"
                else forms.standard(hanzi, person=True))
    return traditional(hanzi), reading, forms.pinyin(hanzi, person=True), standard


def cped_rows() -> list[dict[str, str]]:
    """CPED's rows as {name (with its namesake tag), hanzi, ethnicity, born, native}; names with a lost
    character (?) are left out."""
    with open(CPED / "background1.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for r in rows:
        name = r["姓名"].strip()
        hanzi = re.sub(r"\s*[(（].*$", "", name)
        if not hanzi or "?" in hanzi or not re.fullmatch(r"[\u4e00-\u9fff·\-]+", hanzi):
            continue
        born = r["出生日期(YYYY-MM-DD)"][-4:]
        native = " ".join(dict.fromkeys(x.strip() for x in (r["籍贯省"], r["籍贯市"], r["籍贯县/区"]) if x.strip()))
        out.append({"name": name, "hanzi": hanzi, "ethnicity": r["民族"].strip(),
                    "born": born if born.isdigit() else "", "native": native.replace("（直辖前）", "")})
    return out


def _roles(p: dict) -> str:
    return " | ".join(f"{r.get('korean') or r['title']} ({r.get('from') or '?'}–{r.get('to') or ''})"
                      for r in p.get("roles", []))


def build() -> str:
    import yaml

    if not (CPED / "background1.csv").is_file():
        raise SystemExit(f"no CPED table at {CPED}/background1.csv: put ../shared beside the clone or set YALU_CPED")
    officials = yaml.safe_load((DATA / "officials.yaml").read_text(encoding="utf-8")) or []
    cped = cped_rows()
    by_name = {r["name"]: r for r in cped}
    by_hanzi: dict[str, list[dict[str, str]]] = {}
    for r in cped:
        by_hanzi.setdefault(r["hanzi"], []).append(r)
    merged: set[str] = set()
    rows: list[list[str]] = []
    for p in officials:
        hanzi = p["hanzi"]
        match = by_name.get(p["cped"]) if p.get("cped") else (
            by_hanzi[hanzi][0] if len(by_hanzi.get(hanzi, [])) == 1 else None)
        if p.get("cped") and match is None:
            raise SystemExit(f"officials.yaml: {hanzi}: no CPED row {p['cped']}")
        if match:
            merged.add(match["name"])
        ethnicity = "朝鲜族" if p.get("korean_chinese") else (match or {}).get("ethnicity", "")
        traditional, _, pinyin, standard = four_forms(hanzi, ethnicity)
        rows.append([hanzi, p.get("traditional") or traditional, p["reading"], p.get("pinyin") or pinyin,
                     south_korean(p["reading"], _surname_length(hanzi)) if ethnicity == "朝鲜族" else standard,
                     ethnicity, (match or {}).get("born", ""), (match or {}).get("native", ""),
                     p.get("region", ""), _roles(p), "officials.yaml" + (" cped" if match else ""), "",
                     " | ".join(p.get("also") or ())])
    with open(DATA / "korean_people.tsv", encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        rows.append([r["hanzi"], r["traditional"], r["reading"], r["roman"], r["standard"], "", "", "", "",
                     r["roles"], "korean_people.tsv", r["note"], ""])
    with open(DATA / "historical_people.tsv", encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        traditional, reading, pinyin, standard = four_forms(r["hanzi"], r["ethnicity"])
        rows.append([r["hanzi"], traditional, reading, pinyin, standard, r["ethnicity"], r["born"], r["native"], "",
                     r["roles"], "historical_people.tsv", r["note"], ""])
    seen = {(row[0], row[6]) for row in rows}
    rest = sorted((r for r in cped if r["name"] not in merged),
                  key=lambda r: (r["hanzi"], not r["native"].startswith(NORTH_EAST), r["born"] or "0"))
    for r in rest:
        if (r["hanzi"], r["born"]) in seen:         # one person listed twice
            continue
        seen.add((r["hanzi"], r["born"]))
        traditional, reading, pinyin, standard = four_forms(r["hanzi"], r["ethnicity"])
        note = r["name"][len(r["hanzi"]):].strip("()（） ")
        rows.append([r["hanzi"], traditional, reading, pinyin, standard, r["ethnicity"], r["born"], r["native"],
                     "", "", "cped", f"CPED's {r['name']}" if note else "", ""])
    out = io.StringIO()
    out.write("# generated by tools/build_people.py from officials.yaml (hand-edited; its facts and posts win), "
              "korean_people.tsv and historical_people.tsv (hand-written) and " + source_line() + "; do not edit\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


if __name__ == "__main__":
    text = build()
    (DATA / "people.tsv").write_text(text, encoding="utf-8")
    counts = {}
    for line in text.splitlines()[2:]:
        source = line.split("\t")[10]
        counts[source] = counts.get(source, 0) + 1
    print(f"wrote {(DATA / 'people.tsv').relative_to(ROOT)}: {text.count(chr(10)) - 2} people "
          f"({', '.join(f'{v} {k}' for k, v in sorted(counts.items()))}), {len(text.encode()) // 1024} KB",
          file=sys.stderr)
