import React, { useState } from "react";

export function InviteDialog({ onClose }: { onClose: () => void }) {
  const [email, setEmail] = useState("");

  function sendInvite() {
    analytics.track("User Invited", {
      invitee_email: email,
      invitee_role: "owner", // the plan allows admin, member or viewer: TP403
      feature_area: "settings",
    });
    onClose();
  }

  return (
    <dialog open>
      <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      <button onClick={sendInvite}>Invite as owner</button>
    </dialog>
  );
}
