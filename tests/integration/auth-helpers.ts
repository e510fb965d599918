import { api } from "../helpers/api";

let counter = 0;

/** A fresh client address per call site, so the per-IP sign-in throttle never mixes tests. */
export function freshIp(): string {
  counter += 1;
  // Random leading octets: logs/test.log outlives a run, and a later run must not meet its lines.
  const random = () => Math.floor(Math.random() * 250);
  return `10.${random()}.${random()}.${(counter % 250) + 1}`;
}

export type TokenBody = {
  access: string;
  refresh: string;
  user: { id: number; email: string; full_name: string; role: string; is_active: boolean };
};

export function login(email: string, password: string, ip = freshIp()) {
  return api<TokenBody & { detail?: string; code?: string }>("POST", "/api/auth/login/", {
    body: { email, password },
    headers: { "x-forwarded-for": ip },
  });
}

export function refresh(token: string, ip = freshIp()) {
  return api<{ access: string; refresh: string; detail?: string; code?: string }>(
    "POST",
    "/api/auth/refresh/",
    { body: { refresh: token }, headers: { "x-forwarded-for": ip } },
  );
}
