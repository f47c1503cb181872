// The team's own wrapper, configured in trackplan.toml: trackEvent(name, properties).
import { trackEvent } from "./analytics";

export function invite(role: string) {
  trackEvent("Invite Sent", { role: "admin" });
  trackEvent("Invite Sent", {}); // expect: TP402
  utils.trackEvent("Invite Sent", { role: "owner" }); // expect: TP403
  trackEvent("Invite Sent", { role }); // a variable: not checked
}
