"""Generate a deterministic synthetic code base for the `scan` benchmark.

    python bench/scan/generate.py OUT --files 20000 --share 0.05 [--seed 1]

Writes a web app's worth of TypeScript, TSX, JavaScript and Python files (about 4 kB each,
in nested feature folders), of which a `--share` call analytics SDKs against the events of
the example plan in `plans/`. A `node_modules/` folder and a `.gitignore`d `build/`
folder are added too, so a scan that does not skip them is caught being slow. The same
arguments always give the same bytes.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

EVENTS = (
    ("Feature Used", "{ feature: 'dashboard.export', action: 'clicked', duration_ms: 120 }"),
    ("Plan Selected", "{ plan: 'pro', billing_period: 'annual', seats: 5 }"),
    ("Checkout Started", "{ checkout_id: id, plan: 'pro', revenue: 49.5, currency: 'USD' }"),
    ("Sign Up Started", "{ entry_point: 'pricing' }"),
    ("User Logged In", "{ auth_method: 'google' }"),
    ("User Invited", "{ invitee_email: email, invitee_role: 'member' }"),
)
PY_EVENTS = (
    (
        "Purchase Completed",
        '{"order_id": order.id, "revenue": order.total, "currency": "USD",'
        ' "products": [{"product_id": "p1", "price": 10.0, "quantity": 1}]}',
    ),
    (
        "Subscription Cancelled",
        '{"subscription_id": sub.id, "plan": "pro", "cancel_reason": "too_expensive"}',
    ),
)
WORDS = (
    "account",
    "billing",
    "chart",
    "dashboard",
    "editor",
    "filter",
    "invoice",
    "member",
    "report",
    "settings",
    "team",
    "widget",
    "export",
    "search",
    "profile",
    "upload",
)

TS_BODY = """
export interface {Name}Props {{
  id: string;
  title: string;
  items: Array<{{ id: string; label: string; value: number }}>;
  onChange?: (value: number) => void;
}}

const DEFAULTS = {{ pageSize: 25, sort: "asc", locale: "en-US" }} as const;

export function format{Name}(value: number, locale: string = DEFAULTS.locale): string {{
  // Format a number the way the {word} screen shows it.
  if (!Number.isFinite(value)) {{
    return "-";
  }}
  return new Intl.NumberFormat(locale, {{ maximumFractionDigits: 2 }}).format(value);
}}

export async function load{Name}(id: string, page = 1): Promise<{Name}Props> {{
  const response = await fetch(`/api/{word}/${{id}}?page=${{page}}&size=${{DEFAULTS.pageSize}}`);
  if (!response.ok) {{
    throw new Error(`could not load {word} ${{id}}: ${{response.status}}`);
  }}
  const body = await response.json();
  return {{ id, title: body.title ?? "Untitled", items: body.items ?? [] }};
}}

export class {Name}Store {{
  private cache = new Map<string, {Name}Props>();
  constructor(private readonly ttl: number = 60_000) {{}}
  get(id: string): {Name}Props | undefined {{
    return this.cache.get(id);
  }}
  set(id: string, value: {Name}Props): void {{
    this.cache.set(id, value);
    setTimeout(() => this.cache.delete(id), this.ttl);
  }}
  total(id: string): number {{
    const entry = this.cache.get(id);
    return entry ? entry.items.reduce((sum, item) => sum + item.value, 0) : 0;
  }}
}}
"""

TSX_BODY = """
import React, {{ useCallback, useMemo, useState }} from "react";

type Row = {{ id: string; label: string; value: number }};

export function {Name}Table({{ rows, onSelect }}: {{ rows: Row[]; onSelect: (id: string) => void }}) {{
  const [query, setQuery] = useState("");
  const visible = useMemo(
    () => rows.filter((row) => row.label.toLowerCase().includes(query.toLowerCase())),
    [rows, query],
  );
  const select = useCallback((id: string) => {{
    onSelect(id);{call}
  }}, [onSelect]);
  return (
    <section className="{word}-table">
      <input value={{query}} onChange={{(e) => setQuery(e.target.value)}} placeholder="Search {word}" />
      <table>
        <tbody>
          {{visible.map((row) => (
            <tr key={{row.id}} onClick={{() => select(row.id)}}>
              <td>{{row.label}}</td>
              <td className="num">{{row.value.toFixed(2)}}</td>
            </tr>
          ))}}
        </tbody>
      </table>
    </section>
  );
}}
"""

JS_BODY = """
const DEFAULTS = Object.freeze({{ pageSize: 25, sort: "asc", locale: "en-US" }});

export function format{Name}(value, locale = DEFAULTS.locale) {{
  // Format a number the way the {word} screen shows it.
  if (!Number.isFinite(value)) {{
    return "-";
  }}
  return new Intl.NumberFormat(locale, {{ maximumFractionDigits: 2 }}).format(value);
}}

export async function load{Name}(id, page = 1) {{
  const response = await fetch(`/api/{word}/${{id}}?page=${{page}}&size=${{DEFAULTS.pageSize}}`);
  if (!response.ok) {{
    throw new Error(`could not load {word} ${{id}}: ${{response.status}}`);
  }}
  const body = await response.json();
  return {{ id, title: body.title ?? "Untitled", items: body.items ?? [] }};
}}

export class {Name}Store {{
  #cache = new Map();
  constructor(ttl = 60_000) {{
    this.ttl = ttl;
  }}
  get(id) {{
    return this.#cache.get(id);
  }}
  set(id, value) {{
    this.#cache.set(id, value);
    setTimeout(() => this.#cache.delete(id), this.ttl);
  }}
  total(id) {{
    const entry = this.#cache.get(id);
    return entry ? entry.items.reduce((sum, item) => sum + item.value, 0) : 0;
  }}
}}
"""

PY_BODY = '''
"""{Name} service: loading and saving {word} records."""

from __future__ import annotations

import dataclasses
import logging

log = logging.getLogger(__name__)
PAGE_SIZE = 25


@dataclasses.dataclass
class {Name}:
    id: str
    title: str
    total: float = 0.0


def load_{word}(db, record_id: str) -> {Name} | None:
    row = db.fetch_one("select id, title, total from {word} where id = %s", (record_id,))
    if row is None:
        log.info("no {word} %s", record_id)
        return None
    return {Name}(id=row[0], title=row[1], total=float(row[2]))


def save_{word}(db, order, sub, item: {Name}) -> None:
    db.execute(
        "insert into {word} (id, title, total) values (%s, %s, %s)",
        (item.id, item.title, item.total),
    ){call}


def page_of_{word}(db, page: int = 1) -> list[{Name}]:
    rows = db.fetch_all("select id, title, total from {word} limit %s offset %s",
                        (PAGE_SIZE, (page - 1) * PAGE_SIZE))
    return [{Name}(id=r[0], title=r[1], total=float(r[2])) for r in rows]
'''


def js_call(rng: random.Random) -> str:
    event, props = rng.choice(EVENTS)
    sdk = rng.choice(("analytics.track", "window.analytics?.track", "rudderanalytics.track"))
    return f"\n    {sdk}({event!r}, {props});"


def py_call(rng: random.Random) -> str:
    event, props = rng.choice(PY_EVENTS)
    return f"\n    analytics.track(order.user_id, {event!r}, {props})"


def render(rng: random.Random, index: int, with_calls: bool) -> tuple[str, str]:
    word = rng.choice(WORDS)
    name = word.capitalize() + str(index)
    kind = rng.choices(("ts", "tsx", "js", "py"), weights=(4, 3, 2, 1))[0]
    calls = "".join(js_call(rng) for _ in range(rng.randint(1, 3))) if with_calls else ""
    if kind == "py":
        calls = "".join(py_call(rng) for _ in range(rng.randint(1, 3))) if with_calls else ""
        return "py", PY_BODY.format(Name=name, word=word, call=calls) * 2
    if kind == "tsx":
        return "tsx", TSX_BODY.format(Name=name, word=word, call=calls) * 2
    typed = kind == "ts"
    body = (TS_BODY if typed else JS_BODY).format(Name=name, word=word)
    if with_calls:
        params = "id: string, email: string" if typed else "id, email"
        body += f"\nexport function report{name}({params}) {{{calls}\n}}\n"
    return kind, body * 2


def generate(out: Path, files: int, share: float, seed: int) -> None:
    if out.exists():
        shutil.rmtree(out)
    rng = random.Random(seed)
    for index in range(files):
        folder = out / "src" / rng.choice(WORDS) / rng.choice(WORDS)
        folder.mkdir(parents=True, exist_ok=True)
        kind, text = render(rng, index, rng.random() < share)
        (folder / f"module{index}.{kind}").write_text(text, encoding="utf-8")
    # Noise a scan must skip: dependencies and an ignored build folder full of calls.
    for index in range(files // 20):
        for folder in (out / "node_modules" / f"pkg{index % 50}", out / "build"):
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"dep{index}.js").write_text(
                TS_BODY.format(Name=f"Dep{index}", word="dep") + js_call(rng), encoding="utf-8"
            )
    (out / ".gitignore").write_text("build/\nnode_modules/\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--share", type=float, default=0.05, help="share of files with calls")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.files, args.share, args.seed)


if __name__ == "__main__":
    main()
