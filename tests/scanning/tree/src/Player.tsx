// Calls inside JSX, and decoys that only mention a call: comments, strings, templates.
import React from "react";

type Props = { videoId: string; muted: boolean };

const help = "call analytics.track('Help Opened') to record it";
const docs = `analytics.track("Docs Opened", {})`;

export function Player({ videoId, muted }: Props) {
  // analytics.track("Commented Out");
  /* analytics.track("Block Commented", { a: 1 }); */
  return (
    <div
      onClick={() =>
        analytics.track("Video Played", {
          video_id: videoId,
          muted,
          quality: "hd", // expect: TP407
        })
      }
    >
      {/* analytics.track("JSX Comment") */}
      <p title="analytics.track('Attribute')">{help}{docs}</p>
      <button onClick={() => analytics.track("Trial Started")}>Start trial</button> {/* expect: TP309 */}
      <button onClick={() => analytics.track("Ghost Clicked")}>x</button> {/* trackplan: ignore[TP401] */}
    </div>
  );
}
