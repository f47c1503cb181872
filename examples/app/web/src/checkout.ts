enum CheckoutEvent {
  Started = "Checkout Started",
}

interface Quote {
  checkoutId: string;
  plan: "starter" | "pro" | "enterprise";
  total: number;
}

export async function startCheckout(quote: Quote): Promise<void> {
  analytics.track(CheckoutEvent.Started, {
    checkout_id: quote.checkoutId,
    plan: quote.plan,
    revenue: quote.total,
    currency: "USD",
  });
  window.location.assign(`/checkout/${quote.checkoutId}`);
}
