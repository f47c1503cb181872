// Event names from constants: objects `as const`, Object.freeze, enums, nested objects,
// templates and concatenation resolve in the same file; anything else is TP404.
export const EVENTS = {
  ORDER: "Order Completed",
  SIGNUP: `Sign Up Started`,
  video: { PLAYED: "Video" + " Played" },
} as const;

const FROZEN = Object.freeze({ TRIAL: "Trial Started" });

enum Tracked {
  Signup = "Sign Up Started",
  Order = "Order Completed",
}

const PREFIX = "Video";
const PLAYED = `${PREFIX} Played`;
let mutable = "Order Completed";

export function run(name: string, EVENTS_PARAM: string) {
  analytics.track(EVENTS.ORDER, { order_id: "o-1", revenue: 12.5 });
  analytics.track(EVENTS["SIGNUP"], { entry_point: "home" });
  analytics.track(EVENTS.video.PLAYED, { video_id: "v1" });
  analytics.track(Tracked.Order, { order_id: "o-2", revenue: 3 });
  analytics.track(Tracked.Signup, { entry_point: "pricing" });
  analytics.track(FROZEN.TRIAL); // expect: TP309
  analytics.track(PLAYED, { video_id: "v2" });
  analytics.track(mutable); // expect: TP404
  analytics.track(name); // expect: TP404
  analytics.track(`Order ${name}`); // expect: TP404
  analytics.track(EVENTS.MISSING); // expect: TP404
  analytics.track(); // expect: TP404
}

export function shadowed(PREFIX: string) {
  // The parameter hides the module constant: not resolvable, never a guess.
  analytics.track(PREFIX); // expect: TP404
}
