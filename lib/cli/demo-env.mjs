// The environment `npm run demo` runs the app with, from the shell's and the env files' variables.

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * A variable copied from `.env.example` as it stands is set but empty: for the demo, as for the
 * app's config, that is unset.
 */
function given(env, name) {
  return env[name] ? env[name] : undefined;
}

/**
 * `secrets`: the demo's own, used where none are given. NEXTAUTH_URL follows PORT when it names
 * this machine on another port (`.env.example`'s value after only PORT was changed): sign-in and
 * sign-out would otherwise send the browser to the other port. `notice` says when it did.
 */
export function demoEnvironment(env, secrets) {
  const port = given(env, "PORT") ?? "3000";
  let publicUrl = given(env, "NEXTAUTH_URL") ?? `http://127.0.0.1:${port}`;
  let notice = null;
  const url = URL.canParse(publicUrl) ? new URL(publicUrl) : null;
  if (url && LOOPBACK.has(url.hostname) && (url.port || "80") !== port) {
    url.port = port;
    const moved = url.href.replace(/\/$/, "");
    notice = `NEXTAUTH_URL (${publicUrl}) names another port than PORT (${port}): using ${moved}.`;
    publicUrl = moved;
  }
  return {
    env: {
      ...env,
      DATABASE_URL: given(env, "DATABASE_URL") ?? "mysql://root@127.0.0.1:3306/etums",
      PORT: port,
      NEXTAUTH_URL: publicUrl,
      NEXTAUTH_SECRET: given(env, "NEXTAUTH_SECRET") ?? secrets.NEXTAUTH_SECRET,
      JWT_SECRET: given(env, "JWT_SECRET") ?? secrets.JWT_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    notice,
  };
}
