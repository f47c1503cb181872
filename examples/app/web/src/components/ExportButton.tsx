import React from "react";

import { trackNamed } from "../analytics/track";

export function ExportButton({ dashboardId }: { dashboardId: string }) {
  const started = React.useRef(Date.now());
  return (
    <button
      onClick={() =>
        window.analytics?.track("Feature Used", {
          feature: "dashboard.export",
          action: "exported",
          duration_ms: Date.now() - started.current,
          feature_area: "dashboards",
        })
      }
    >
      Export
    </button>
  );
}

export function ShareButton({ flags }: { flags: { shareEvent: string } }) {
  return <button onClick={() => trackNamed(flags.shareEvent, { feature: "dashboard.share" })}>Share</button>;
}
