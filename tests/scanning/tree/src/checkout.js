// Literal properties: required, types, enums, nested arrays, spreads and computed keys.
import { defaults } from "./defaults";

const KEY = "plan";

export async function complete(order, extra) {
  await analytics.track("Order Completed", {
    order_id: order.id,
    revenue: "12.50", // expect: TP403
    plan: "premium", // expect: TP403
    coupon: "SPRING", // expect: TP407
    items: [
      { sku: "A-1", quantity: 2 },
      { quantity: 1.5 }, // expect: TP402, TP403
    ],
  });
  // A spread makes missing keys unknowable: no TP402, but literal keys are still checked.
  analytics.track("Order Completed", { ...extra, plan: "gold" }); // expect: TP403
  // A computed key the scanner cannot name is like a spread.
  analytics.track("Order Completed", { [order.key]: 1, revenue: 5 });
  // A computed key from a constant is a plain key.
  analytics.track("Order Completed", { [KEY]: "free" }); // expect: TP402, TP402
  window.analytics?.track("Sign Up Started", { entry_point: "ad" }); // expect: TP403
  analytics?.track?.("Sign Up Started", {}); // expect: TP402
  analytics["track"]("Video Played", { video_id: 7, autoplay: true }); // expect: TP403, TP407
  this.analytics.track("Order Complete", { order_id: "x" }); // expect: TP401, TP406
  analytics.track("video_played"); // expect: TP401, TP406
}

export function views() {
  analytics.page();
  analytics.page("Pricing", { billing_toggle: "weekly" }); // expect: TP403
  analytics.page("Docs", "Guides", { referrer: "x" }); // expect: TP407
  analytics.identify("user-1", { plan: "pro" }); // expect: TP402
  analytics.identify({ email: "a@example.com", favourite_color: "red" }); // expect: TP407
  analytics.group("team-1", { name: "Acme", seats: "ten" }); // expect: TP403
  analytics.track(defaults.event, defaults.properties); // expect: TP404
}
