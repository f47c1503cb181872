"""Billing webhooks: the server side sends the revenue events (analytics-python)."""

from __future__ import annotations

from dataclasses import dataclass

import segment.analytics as analytics

PURCHASE_COMPLETED = "Purchase Completed"


@dataclass
class Invoice:
    id: str
    customer_id: str
    amount: float
    currency: str
    lines: list[tuple[str, float, int]]


def on_invoice_paid(invoice: Invoice) -> None:
    analytics.track(
        invoice.customer_id,
        PURCHASE_COMPLETED,
        {
            "order_id": invoice.id,
            "revenue": invoice.amount,
            "currency": invoice.currency,
            "products": [
                {"product_id": sku, "price": price, "quantity": quantity}
                for sku, price, quantity in invoice.lines
            ],
        },
    )


def on_subscription_created(customer_id: str, sub: dict[str, object]) -> None:
    analytics.track(
        user_id=customer_id,
        event="Subscription Created",
        properties={
            "subscription_id": sub["id"],
            "plan": sub["plan"],
            "billing_period": sub["interval"],
            "seats": sub["quantity"],
            "revenue": sub["amount"],
            "currency": sub["currency"],
            "started_at": sub["start"],
        },
    )


def on_subscription_deleted(customer_id: str, sub: dict[str, object]) -> None:
    # A typo: the plan spells it "Subscription Cancelled" (TP401 says so).
    analytics.track(
        customer_id,
        "Subscription Canceled",
        {"subscription_id": sub["id"], "plan": sub["plan"], "cancel_reason": "other"},
    )
