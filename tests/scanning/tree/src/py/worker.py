"""Server-side Python calls. A docstring mentioning analytics.track("Doc Decoy") is no call."""

from __future__ import annotations

from enum import StrEnum

import analytics
from app import tracking

ORDER = "Order Completed"
SIGNUP = "Sign Up"
TWICE = "Video Played"
TWICE = "Order Completed"


class Events:
    VIDEO = "Video Played"

    class Trial:
        STARTED = "Trial Started"


class Names(StrEnum):
    INVITE = "Invite Sent"


def handle(user, order, event, props, **extra):
    analytics.track(user.id, ORDER, {"order_id": order.id, "revenue": 10})
    analytics.track(user.id, f"{SIGNUP} Started", {"entry_point": "home"})
    analytics.track(user_id=user.id, event=Events.VIDEO, properties={"video_id": "v"})
    analytics.track(user.id, Events.Trial.STARTED)  # expect: TP309
    analytics.track(user.id, Names.INVITE.value, {"role": "member"})
    analytics.track(user.id, TWICE)  # expect: TP404
    analytics.track(user.id, event)  # expect: TP404
    analytics.track(user.id, "Order Completed", {"order_id": 1, **props})  # expect: TP403
    analytics.track(user.id, "Order Completed", dict(order_id="o", revenue=True))  # expect: TP403
    analytics.identify(user.id, {"email": None})  # expect: TP403
    analytics.group(user.id, "g-1", traits={"name": "Acme", "employees": 4})  # expect: TP407
    analytics.page(user.id, None, "Pricing", {"path": "/p", "url": "https://x"})
    analytics.track(user.id, "Signed Up")  # trackplan: ignore[TP401,TP406]
    # analytics.track(user.id, "Commented Out")
    text = "analytics.track(user.id, 'In A String')"
    tracking.send_event(user.id, name="Invite Sent", props={})  # expect: TP402
    return text


def local_shadow(user):
    ORDER = "Video Played"
    analytics.track(user.id, ORDER)  # expect: TP404
