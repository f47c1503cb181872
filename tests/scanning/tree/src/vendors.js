// Other SDK presets: RudderStack, PostHog, Mixpanel, Amplitude.
rudderanalytics.track("Sign Up Started", { entry_point: "home" });
rudderanalytics.page("Pricing", { billing_toggle: "annual" });
posthog.capture("Video Played", { video_id: "v9", muted: "no" }); // expect: TP403
posthog.capture("$pageview");
posthog.capture("$autocapture", { anything: true });
posthog.identify("u-1", { email: "a@example.com" });
mixpanel.track("Order Completed", { order_id: "o", revenue: 1, plan: "pro" });
mixpanel.people.set("plan", "enterprise"); // expect: TP403
amplitude.track("Sign Up Started", { entry_point: "pricing" });
amplitude.getInstance().logEvent("Video Played"); // expect: TP402
amplitude.track({ event_type: "Video Played", event_properties: { video_id: "v" } });
