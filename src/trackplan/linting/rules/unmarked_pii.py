"""Properties whose names suggest personal data but that are not marked `pii: true`.

## What it does
Reads every property and trait name, at every depth, and reports the ones that name
personal data without `pii: true`:

- email: `email`, `invitee_email`, `email_address`;
- phone: `phone`, `phone_number`, `mobile_number`, `telephone`;
- a person's name: `first_name`, `last_name`, `full_name`, `username`, `display_name`,
  `customer_name`… and a bare `name` in `identify` traits or inside an object about a
  person (`user`, `customer`, `contact`…);
- postal address: `address`, `billing_address`, `street`, `postal_code`, `zip`;
- IP address: `ip`, `ip_address`, `client_ip`;
- identity documents: `ssn`, `national_id`, `passport_number`, `tax_id`;
- date of birth: `birthday`, `birth_date`, `date_of_birth`, `dob`;
- payment cards and accounts: `card_number`, `credit_card`, `iban`, `cvv`;
- precise location: `latitude`, `longitude`.

Names of things, not people, are not personal data: `plan_name`, `feature_name`,
`file_name`, `event_name`, `company_name`, and a bare `name` in events, `group` traits
(the group is an organisation), pages, or inside an object about a thing (`product`,
`company`…). Words about the data rather than the data itself are left alone too:
`email_verified`, `email_domain`, `phone_country`. So are properties that are only
numbers or booleans (`email_count`, `has_phone`).

A shared property is checked where it is defined, and wherever a use puts it in a
personal context.

## Why
Privacy reviews, deletion requests and data exports rely on `pii: true` to find
personal data. An unmarked email address is copied to every destination and forgotten
when a user asks to be deleted.

## Example
```yaml
events:
  User Invited:
    description: A member invited a teammate.
    properties:
      invitee_email: {type: string, format: email}
```
Use instead:
```yaml
events:
  User Invited:
    description: A member invited a teammate.
    properties:
      invitee_email: {type: string, format: email, pii: true}
```

## How to fix
Add `pii: true`. When the name misleads (a `name` that is a product's name), say so
with `pii: false`: an explicit value, true or false, is never reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from trackplan import codes
from trackplan.linting.rules._rule import Finding, Group, make_rule
from trackplan.linting.rules._sites import Scope, Site, iter_sites
from trackplan.model import Origin, Plan, Pointer, Property
from trackplan.naming import to_snake_case

# What a name means, and the snake_case names that mean it (matched at the end of the name).
_KINDS = (
    ("an email address", r"e_?mails?(_address(es)?)?"),
    ("a phone number", r"(tele)?phones?(_numbers?)?|(mobile|cell|fax)(_phone)?_numbers?"),
    (
        "a person's name",
        r"(first|last|full|given|family|middle|maiden|legal|real|display|nick|user|sur)_?names?"
        r"|(customer|contact|owner|sender|recipient|invitee|inviter|member|person|author"
        r"|buyer|seller|cardholder|holder|employee|patient|student|guest|passenger|traveler"
        r"|traveller|attendee|billing|shipping)_names?",
    ),
    ("an IP address", r"ip(v[46])?(_address(es)?)?"),
    (
        "a postal address",
        r"(street_)?address(es)?(_line_?\d?)?|streets?|postal_?codes?|post_?codes?|zip(_?codes?)?",
    ),
    (
        "an identity document number",
        r"ssn|social_security(_number)?|national_id(_number)?|passport(_number)?"
        r"|drivers?_licen[cs]e(_number)?|driving_licen[cs]e(_number)?|tax_id",
    ),
    ("a date of birth", r"birthday|birth_?date|date_of_birth|dob"),
    ("a payment card or account number", r"credit_card(_number)?|card_number|iban|cvv|cvc"),
    ("a precise location", r"latitude|longitude|geo_?location"),
)
# Addresses that are not where someone lives.
_NOT_POSTAL = re.compile(
    r"(?:^|_)(?:web|url|site|mac|wallet|contract|server|host|node|memory|return)_address(?:es)?$"
)
_MATCHERS = tuple((kind, re.compile(rf"(?:^|_)(?:{words})$")) for kind, words in _KINDS)
# Objects about a person: a bare `name` inside them is that person's name.
_PERSON_OBJECTS = re.compile(
    r"(?:^|_)(?:users?|customers?|contacts?|owners?|senders?|recipients?|invitees?|inviters?"
    r"|members?|persons?|people|authors?|buyers?|sellers?|employees?|patients?|students?"
    r"|guests?|passengers?|travell?ers?|attendees?|profiles?|accounts?_holders?|cardholders?)$"
)
_NON_PERSONAL_TYPES = frozenset({"boolean", "integer", "number", "null"})


def check(plan: Plan) -> Iterator[Finding]:
    """A finding for each name that suggests personal data, at the definition to mark."""
    reported: set[Pointer] = set()
    for site in iter_sites(plan):
        if site.is_items:
            continue
        kind = personal_kind(site)
        if kind is None:
            continue
        definition = _definition(plan, site.prop)
        if definition.pii or "pii" in definition.local_keys or definition.pointer in reported:
            continue
        reported.add(definition.pointer)
        shared = definition is not site.prop
        label = f'shared property "{definition.name}"' if shared else site.describe()
        yield Finding(
            f"{label} looks like personal data ({kind}) but is not marked pii: true",
            definition.pointer,
            "add `pii: true`, or `pii: false` if it holds no personal data",
            event="" if shared else site.event,
        )


def personal_kind(site: Site) -> str | None:
    """What personal data the site's name suggests, or None."""
    prop = site.prop
    if prop.types and set(prop.types) <= _NON_PERSONAL_TYPES:
        return None
    name = _snake(prop.name)
    if _NOT_POSTAL.search(name):
        return None
    if name in ("name", "names"):
        return "a person's name" if _names_a_person(site) else None
    return next((kind for kind, regex in _MATCHERS if regex.search(name)), None)


def _names_a_person(site: Site) -> bool:
    if site.parents:
        return bool(_PERSON_OBJECTS.search(_snake(site.parents[-1].rstrip("[]"))))
    return site.scope is Scope.IDENTIFY


@lru_cache(maxsize=16384)
def _snake(name: str) -> str:
    return to_snake_case(name)


def _definition(plan: Plan, prop: Property) -> Property:
    """Where `pii` belongs: the shared definition for a bare use of one, else the property."""
    if prop.origin is Origin.SHARED and "pii" not in prop.local_keys:
        return plan.shared_property(prop.name) or prop
    return prop


RULE = make_rule(codes.UNMARKED_PII, Group.PRIVACY, check, __doc__)
