// A generic helper for events whose name is only known at run time (feature flags,
// experiments). The scanner cannot read the name in the call below, so it reports
// TP404 (info) instead of guessing: calls that go through here are not checked.
declare global {
  interface Window {
    analytics?: SegmentAnalytics.AnalyticsJS;
  }
}

export function trackNamed(name: string, properties: Record<string, unknown>): void {
  window.analytics?.track(name, properties);
}
