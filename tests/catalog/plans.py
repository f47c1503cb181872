"""Plans the catalog tests render: a small honest one and a hostile one."""

from __future__ import annotations

SHOP = """
plan: Shop
version: 1.2.0
properties:
  plan:
    type: string
    enum: [free, pro]
    description: Subscription tier.
  email: {type: string, format: email, pii: true, description: Work email.}
  revenue: {type: number, minimum: 0, description: "Amount, in major units of `currency`."}
bundles:
  money: [revenue, plan]
common:
  properties:
    area: {type: string, description: Part of the product.}
events:
  Order Completed:
    description: An order was paid.
    owner: billing
    tags: [revenue, funnel]
    bundles: [money]
    properties:
      revenue: {required: true}
      products:
        type: array
        items:
          type: object
          properties:
            sku: {type: string, required: true, pattern: "^[A-Z]+$"}
  Cart Viewed:
    owner: growth
    tags: [funnel]
    properties:
      plan: {}
  Signup Started:
    status: deprecated
    replaced_by: Sign Up Started
    owner: growth
  Sign Up Started:
    owner: growth
    properties:
      plan: {required: true}
  Account Closed:
    status: deprecated
    replaced_by: Account Deleted
identify:
  traits:
    email: {required: true}
    company:
      type: object
      properties:
        name: {type: string, pii: true}
group:
  traits:
    name: {type: string, required: true}
page:
  properties:
    path: {type: string, required: true}
pages:
  Pricing:
    properties:
      toggle: {type: string, enum: [monthly, annual]}
screen:
  properties:
    tab: {type: string}
"""

# Names, descriptions, owners and tags that try to break out of HTML, attributes, Markdown.
HOSTILE = r"""
plan: "<script>alert('plan')</script> & co"
version: 1.0.0
conventions: {events: any, properties: any}
properties:
  "</td><script>alert(1)</script>":
    type: string
    description: "a | b `x|y` <img src=x onerror=alert(2)> [link](javascript:alert(3))"
events:
  "<script>alert('event')</script>":
    description: "Quotes \" and ' and `code` and </p><script>alert(4)</script>\nsecond line"
    owner: "<img src=x onerror=alert(5)>"
    tags: ["a\" onmouseover=\"alert(6)", "x' y"]
    properties:
      "</td><script>alert(1)</script>": {required: true}
      "he said \"hi\"": {type: string, enum: ["<b>", "a\"b", "&amp;"]}
      "back`tick|pipe": {type: integer}
  "42_--terrible==\"event'++name~!3":
    status: deprecated
    replaced_by: "<script>alert('event')</script>"
  "Event Collided": {description: one}
  "event_collided": {description: two}
"""
