// A file with a syntax error: a warning names it, and the calls outside the broken part
// are still checked.
analytics.track("Sign Up Started", { entry_point: "homepage" }); // expect: TP403

export function broken( { // expect: TP408
  analytics.track("Video Played", { video_id: 1 });
