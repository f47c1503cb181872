import React from "react";

// Event names of the sign-up funnel; the scanner resolves constants of the same file.
const SIGN_UP = {
  STARTED: "Sign Up Started",
  COMPLETED: "Sign Up Completed",
} as const;

type Method = "password" | "google" | "github" | "sso";

export function SignUpPage({ from }: { from: "homepage" | "pricing" | "docs" | "invite" | "ad" }) {
  React.useEffect(() => {
    analytics.track(SIGN_UP.STARTED, { entry_point: from });
  }, [from]);

  async function onSubmit(email: string, method: Method, invited: boolean) {
    await fetch("/api/signup", { method: "POST", body: JSON.stringify({ email, method }) });
    await analytics.track(SIGN_UP.COMPLETED, {
      auth_method: method,
      email,
      invited,
    });
  }

  return (
    <form onSubmit={(e) => { e.preventDefault(); void onSubmit("", "password", false); }}>
      {/* Tracking happens in onSubmit: analytics.track("Sign Up Completed") */}
      <button type="submit">Create account</button>
    </form>
  );
}
