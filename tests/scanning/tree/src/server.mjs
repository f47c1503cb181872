// The server-side object form of analytics-node.
import { Analytics } from "@segment/analytics-node";

const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY });

export function onPaid(order) {
  analytics.track({
    userId: order.userId,
    event: "Order Completed",
    properties: { order_id: order.id, revenue: -1, currency: "EUR" }, // expect: TP407
  });
  analytics.track({ anonymousId: "a-1", event: "Order Completed" }); // expect: TP402, TP402
  analytics.identify({ userId: "u-1", traits: { email: 42 } }); // expect: TP403
  analytics.group({ userId: "u-1", groupId: "g-1", traits: { seats: 3 } }); // expect: TP402
  analytics.page({ userId: "u-1", name: "Pricing", properties: { path: "/pricing" } }); // expect: TP402
}
