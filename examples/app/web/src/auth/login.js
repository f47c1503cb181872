// After a successful login: who the user is, which workspace, and the login itself.
export function onLogin(user, workspace, method) {
  analytics.identify(user.id, {
    email: user.email,
    name: user.name,
    created_at: user.createdAt,
    role: user.role,
  });
  analytics.group(workspace.id, {
    name: workspace.name,
    plan: workspace.plan,
    employees: workspace.employees,
  });
  analytics.track("User Logged In", { auth_method: method, feature_area: "onboarding" });
}
