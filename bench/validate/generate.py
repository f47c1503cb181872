"""A deterministic tracking plan and NDJSON log for the `validate` benchmark, with planted violations.

    python bench/validate/generate.py OUT_DIR [--messages 1000000] [--seed 7] [--rate 0.01]

writes OUT_DIR/plan/ (a plan of 60 events over five product areas, shared properties, bundles,
nested objects and arrays, every string format), OUT_DIR/events.ndjson (Segment-spec messages of
about 900 bytes: browser and server libraries, full `context`) and OUT_DIR/expected.json: the
line and codes of every planted violation. About `rate` of the messages carry exactly one
violation each, of every kind validate reports; the others conform.
"""

from __future__ import annotations

import argparse
import json
import random
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

AREAS = {
    "onboarding": ["Sign Up", "Onboarding Step", "Invite", "Tutorial", "Profile", "Email"],
    "billing": ["Plan", "Checkout", "Invoice", "Subscription", "Coupon", "Payment Method"],
    "reports": ["Report", "Dashboard", "Chart", "Export", "Filter", "Schedule"],
    "integrations": ["Integration", "Webhook", "API Key", "Sync", "Connector", "Token"],
    "settings": ["Workspace", "Member", "Role", "Notification", "SSO Config", "Theme"],
}
ACTIONS = ["Created", "Viewed", "Updated", "Deleted", "Shared", "Completed", "Started", "Failed"]
PLANS = ["free", "starter", "pro", "enterprise"]
BROWSERS = [
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/122.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/121.0.0.0 Safari/537.36 Edg/121.0.2277.83",
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0",
]
PAGES = ["Home", "Pricing", "Docs", "Dashboard", "Reports", "Settings", "Sign Up", "Log In"]
KINDS = ["TP301", "TP302", "TP303", "TP304", "TP305", "TP306", "TP307", "TP308", "TP309", "TP310"]


def build_plan(rng: random.Random) -> tuple[str, list[dict[str, Any]]]:
    """The plan's YAML text and, for the message generator, a description of each event."""
    events: list[dict[str, Any]] = []
    lines = [
        "plan: Bench SaaS",
        "version: 1.0.0",
        "conventions: {events: object-action, properties: snake_case}",
        "policy: {unplanned_events: error, unplanned_properties: error}",
        "properties:",
        "  plan: {type: string, enum: [free, starter, pro, enterprise]}",
        "  revenue: {type: number, minimum: 0}",
        '  currency: {type: string, pattern: "^[A-Z]{3}$"}',
        "  email: {type: string, format: email, pii: true}",
        "  item_id: {type: string, format: uuid}",
        "  quantity: {type: integer, minimum: 1, maximum: 1000}",
        "  source_url: {type: string, format: uri}",
        "  due_on: {type: string, format: date}",
        "  occurred_at: {type: string, format: date-time}",
        "  ip_address: {type: string, format: ipv4}",
        "  label: {type: string, min_length: 1, max_length: 80}",
        "bundles:",
        "  commerce: [revenue, currency, plan]",
        "common:",
        "  properties:",
        "    feature_area: {type: string, enum: [onboarding, billing, reports, integrations, settings]}",
        '    experiment_id: {type: [string, "null"]}',
        "    user_plan: {type: string, enum: [free, starter, pro, enterprise]}",
        "events:",
    ]
    for area, objects in AREAS.items():
        for obj in objects:
            for action in rng.sample(ACTIONS, 2):
                name = f"{obj} {action}"
                props: dict[str, str] = {"label": "{required: true}", "item_id": "{}"}
                shape = len(events) % 5
                if shape == 0:
                    props.update(revenue="{required: true}", currency="{required: true}", plan="{}")
                elif shape == 1:
                    props.update(quantity="{}", due_on="{}", source_url="{}")
                elif shape == 2:
                    props["items"] = (
                        "{type: array, max_items: 20, items: {type: object, properties: "
                        "{sku: {type: string, pattern: '^[A-Z0-9-]+$', required: true}, "
                        "quantity: {type: integer, minimum: 1}, price: {type: number, minimum: 0}}}}"
                    )
                elif shape == 3:
                    props["target"] = (
                        "{type: object, properties: {id: {type: string, required: true}, "
                        "kind: {type: string, enum: [user, team, workspace]}, count: {type: integer}}}"
                    )
                    props["occurred_at"] = "{}"
                else:
                    props.update(email="{}", ip_address="{}", enabled="{type: boolean}")
                events.append({"name": name, "area": area, "shape": shape})
                lines.append(f"  {name}:")
                lines.append(f"    description: {obj} was {action.lower()}.")
                if len(events) == 7:
                    lines.append("    status: deprecated")
                    lines.append("    replaced_by: Sign Up Completed")
                    events[-1]["deprecated"] = True
                lines.append("    properties:")
                lines.extend(f"      {key}: {value}" for key, value in props.items())
    lines += [
        "identify:",
        "  traits:",
        "    email: {required: true}",
        "    plan: {}",
        "    name: {type: string}",
        "    created_at: {type: string, format: date-time}",
        "    company: {type: object, properties: {id: {type: string, required: true}, "
        "employees: {type: integer, minimum: 1}}}",
        "group:",
        "  traits:",
        "    name: {type: string, required: true}",
        "    plan: {required: true}",
        "    employees: {type: integer, minimum: 1}",
        "    website: {type: string, format: uri}",
        "page:",
        "  properties:",
        '    path: {type: string, required: true, pattern: "^/"}',
        "    url: {type: string, format: uri, required: true}",
        "    referrer: {type: string}",
        "    title: {type: string, max_length: 300}",
        "    search: {type: string}",
        "pages:",
        "  Pricing:",
        "    properties:",
        "      billing_toggle: {type: string, enum: [monthly, annual]}",
        "screen:",
        "  properties:",
        "    name: {type: string}",
    ]
    return "\n".join(lines) + "\n", events


class Messages:
    """Realistic messages for the plan's events."""

    def __init__(self, rng: random.Random, events: list[dict[str, Any]]) -> None:
        self.rng = rng
        self.events = [e for e in events if not e.get("deprecated")]
        self.deprecated = [e for e in events if e.get("deprecated")]
        self.clock = 1_709_251_200  # 2024-03-01T00:00:00Z
        self.users = [f"usr_{rng.getrandbits(40):010x}" for _ in range(500)]

    def stamp(self) -> str:
        self.clock += self.rng.randint(0, 3)
        seconds = self.clock
        days, rest = divmod(seconds - 1_709_251_200, 86400)
        hour, rest = divmod(rest, 3600)
        minute, second = divmod(rest, 60)
        day = 1 + days % 28
        return f"2024-03-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}.{self.rng.randint(0, 999):03d}Z"

    def envelope(self, kind: str) -> dict[str, Any]:
        rng = self.rng
        user = rng.choice(self.users)
        path = rng.choice(
            ["/", "/pricing", "/docs/getting-started", "/w/acme/reports", "/settings"]
        )
        message: dict[str, Any] = {
            "type": kind,
            "anonymousId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "userId": user,
            "messageId": f"ajs-next-{rng.getrandbits(128):032x}",
            "timestamp": self.stamp(),
            "sentAt": self.stamp(),
            "context": {
                "library": {"name": "analytics.js", "version": "next-1.66.0"},
                "locale": rng.choice(["en-US", "en-GB", "de-DE", "fr-FR", "es-ES"]),
                "ip": f"{rng.randint(1, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                "page": {
                    "path": path,
                    "referrer": "https://www.google.com/",
                    "search": "",
                    "title": "Acme Flow - Reports",
                    "url": f"https://app.acmeflow.example{path}",
                },
                "campaign": {"source": "newsletter", "medium": "email", "name": "spring-launch"},
                "userAgent": rng.choice(BROWSERS),
            },
        }
        return message

    def track(self, event: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        message = self.envelope("track")
        message["event"] = event["name"]
        props: dict[str, Any] = {
            "label": f"{event['name'].split()[0].lower()}-{rng.randint(1, 9999)}",
            "item_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "feature_area": event["area"],
            "user_plan": rng.choice(PLANS),
            "experiment_id": rng.choice([None, "exp_checkout_v2"]),
        }
        shape = event["shape"]
        if shape == 0:
            props.update(
                revenue=round(rng.uniform(9, 2000), 2), currency="USD", plan=rng.choice(PLANS)
            )
        elif shape == 1:
            props.update(quantity=rng.randint(1, 50), due_on="2024-04-15",
                         source_url="https://app.acmeflow.example/w/acme/reports/42")  # fmt: skip
        elif shape == 2:
            props["items"] = [
                {"sku": f"SKU-{rng.randint(100, 999)}", "quantity": rng.randint(1, 5),
                 "price": round(rng.uniform(1, 300), 2)}
                for _ in range(rng.randint(1, 3))
            ]  # fmt: skip
        elif shape == 3:
            props["target"] = {"id": f"obj_{rng.randint(1, 10**6)}", "kind": "team", "count": 3}
            props["occurred_at"] = self.stamp()
        else:
            props.update(
                email=f"{rng.choice(self.users)}@acme.example", ip_address="10.1.2.3", enabled=True
            )
        message["properties"] = props
        return message

    def other(self) -> dict[str, Any]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.6:
            message = self.envelope("page")
            name = rng.choice(PAGES)
            message["name"] = name
            page = message["context"]["page"]
            message["properties"] = {
                k: page[k] for k in ("path", "url", "referrer", "title", "search")
            }
            if name == "Pricing":
                message["properties"]["billing_toggle"] = "annual"
        elif roll < 0.85:
            message = self.envelope("identify")
            message["traits"] = {
                "email": f"{message['userId']}@acme.example",
                "plan": rng.choice(PLANS),
                "name": "Dana Whitfield",
                "created_at": "2024-01-12T09:30:00Z",
                "company": {"id": "ws_48213", "employees": rng.randint(1, 5000)},
            }
        elif roll < 0.95:
            message = self.envelope("group")
            message["groupId"] = f"ws_{rng.randint(1, 99999)}"
            message["traits"] = {"name": "Initech", "plan": rng.choice(PLANS), "employees": 120,
                                 "website": "https://initech.example"}  # fmt: skip
        else:
            message = self.envelope("screen")
            message["name"] = "Dashboard"
            message["properties"] = {"name": "Dashboard"}
        return message

    def conforming(self) -> dict[str, Any]:
        if self.rng.random() < 0.7:
            return self.track(self.rng.choice(self.events))
        return self.other()

    def violating(self, code: str) -> tuple[dict[str, Any] | str, list[str]]:
        """A message with exactly one planted violation, and the codes it must produce."""
        rng = self.rng
        event = rng.choice(self.events)
        message = self.track(event)
        props = message["properties"]
        if code == "TP301":
            message["event"] = "Report Archived"
            return message, ["TP301"]
        if code == "TP310":
            message["event"] = "report_archived"
            return message, ["TP301", "TP310"]
        if code == "TP302":
            del props["label"]
        elif code == "TP303":
            props["label"] = 42
        elif code == "TP304":
            props["user_plan"] = "Pro"
        elif code == "TP305":
            props["item_id"] = "not-a-uuid"
        elif code == "TP306":
            props["utm_source"] = "newsletter"
        elif code == "TP307":
            message["timestamp"] = "yesterday"
        elif code == "TP308":
            return json.dumps(message, separators=(",", ":"))[:300], ["TP308"]
        elif code == "TP309":
            message = self.track(rng.choice(self.deprecated))
        return message, [code]


def generate(out: Path, messages: int, seed: int, rate: float) -> dict[str, Any]:
    rng = random.Random(seed)
    plan_text, events = build_plan(rng)
    (out / "plan").mkdir(parents=True, exist_ok=True)
    (out / "plan" / "plan.yaml").write_text(plan_text, encoding="utf-8")
    source = Messages(rng, events)
    expected: dict[int, list[str]] = {}
    with (out / "events.ndjson").open("w", encoding="utf-8") as stream:
        for line in range(1, messages + 1):
            if rng.random() < rate:
                message, codes = source.violating(KINDS[len(expected) % len(KINDS)])
                expected[line] = codes
            else:
                message = source.conforming()
            text = (
                message if isinstance(message, str) else json.dumps(message, separators=(",", ":"))
            )
            stream.write(text + "\n")
    counts = Counter(code for codes in expected.values() for code in codes)
    manifest = {
        "messages": messages,
        "seed": seed,
        "planted": {str(line): codes for line, codes in expected.items()},
        "counts": dict(sorted(counts.items())),
    }
    (out / "expected.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rate", type=float, default=0.01)
    args = parser.parse_args()
    manifest = generate(args.out, args.messages, args.seed, args.rate)
    size = (args.out / "events.ndjson").stat().st_size
    print(f"{args.out}/events.ndjson: {args.messages:,} messages, {size / args.messages:.0f} bytes each,"
          f" {len(manifest['planted']):,} planted violations {manifest['counts']}")  # fmt: skip


if __name__ == "__main__":
    main()
