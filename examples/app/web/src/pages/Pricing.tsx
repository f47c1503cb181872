import React, { useEffect, useState } from "react";

type Tier = "free" | "starter" | "pro" | "enterprise";

export function PricingPage({ currency }: { currency: string }) {
  const [period, setPeriod] = useState<"monthly" | "annual">("monthly");

  useEffect(() => {
    // The browser SDK adds path, url, referrer, search and title itself.
    analytics.page("Pricing", { billing_toggle: "monthly", currency_shown: "USD" });
  }, []);

  const choose = (plan: Tier, seats: number) => {
    analytics.track("Plan Selected", {
      plan,
      billing_period: period,
      seats,
      feature_area: "billing",
    });
  };

  return (
    <main>
      <button onClick={() => setPeriod(period === "monthly" ? "annual" : "monthly")}>
        Switch to {period === "monthly" ? "annual" : "monthly"} billing
      </button>
      <button onClick={() => choose("pro", 5)}>Choose Pro</button>
      <button onClick={() => choose("enterprise", 50)}>Talk to sales</button>
    </main>
  );
}
