import { z } from "zod";
import { isTimeZone } from "./dates/time-zone";

/** Development-only fallbacks; production refuses to start without real secrets, or with these. */
const DEV_SECRET = "dev-only-secret-change-me-0123456789abcdef";
const DEV_JWT_SECRET = `${DEV_SECRET}-jwt`;

/** A whole number of at least 1, as the environment gives it: text. */
const positiveWhole = z.coerce.number().int().positive();

const rateLimit = z
  .string()
  .regex(
    /^[1-9]\d*\/[1-9]\d*s$/,
    'expected "<count>/<seconds>s", both at least 1, for example "600/60s"',
  );

/** The part of a URL that `part` picks, or "" when `text` is no URL (z.url() reports that). */
function urlPart(text: string, part: "protocol" | "pathname"): string {
  return URL.canParse(text) ? new URL(text)[part] : "";
}

/** mysql2 speaks to MySQL and MariaDB only; the database name is used in SQL unquoted by tools. */
const databaseUrl = z
  .url()
  .refine((url) => /^(mysql|mariadb):$/.test(urlPart(url, "protocol")), {
    message: 'expected a mysql:// URL, for example "mysql://user:password@127.0.0.1:3306/etums"',
  })
  .refine((url) => /^\/[A-Za-z0-9_]+$/.test(urlPart(url, "pathname")), {
    message: 'expected a database name of letters, digits and "_" after the host',
  });

const redisUrl = z.url().refine((url) => /^rediss?:$/.test(urlPart(url, "protocol")), {
  message: 'expected a redis:// or rediss:// URL, for example "redis://127.0.0.1:6379"',
});

/** Fewer different characters than this is a typed pattern, not a random secret. */
const SECRET_MIN_DISTINCT = 12;

/**
 * A signing secret: 32 characters or more, and random-looking ("a" × 32 has the length, not the
 * strength). `openssl rand -base64 48` makes a good one.
 */
const secret = z
  .string()
  .min(32)
  .refine((value) => new Set(value).size >= SECRET_MIN_DISTINCT, {
    message: `too simple: use a random value (openssl rand -base64 48), with at least ${SECRET_MIN_DISTINCT} different characters`,
  });

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: databaseUrl.default("mysql://root@127.0.0.1:3306/etums"),
    /**
     * Connections each server process may hold. Sized with WEB_CONCURRENCY against the server's
     * max_connections; at least 4, since up to 3 CSV imports per process each hold one.
     */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(4).max(1000).default(10),
    /** Longest a statement may wait on the database before its request fails with 503 (db/client's default when unset). */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).optional(),
    REDIS_URL: redisUrl.optional(),
    UPSTASH_REDIS_REST_URL: z.string().url().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().optional(),
    NEXTAUTH_URL: z.string().url().optional(),
    /**
     * Host names the app answers as, besides NEXTAUTH_URL's and loopback ("*" any, ".example.com"
     * its subdomains): the API and sign-in refuse any other Host, as Django's ALLOWED_HOSTS does.
     */
    ALLOWED_HOSTS: z
      .string()
      .default("")
      .transform((list) =>
        list
          .split(",")
          .map((host) => host.trim().toLowerCase())
          .filter(Boolean),
      ),
    NEXTAUTH_SECRET: secret.optional(),
    JWT_SECRET: secret.optional(),
    ACCESS_TOKEN_TTL: positiveWhole.default(900),
    REFRESH_TOKEN_TTL: positiveWhole.default(7 * 24 * 3600),
    /** Lifetime of a browser session (next-auth JWT cookie), in seconds. */
    SESSION_TTL: positiveWhole.default(8 * 3600),
    RATE_LIMIT_API: rateLimit.default("600/60s"),
    RATE_LIMIT_ANON: rateLimit.default("120/60s"),
    RATE_LIMIT_LOGIN: rateLimit.default("20/60s"),
    /** Proxies in front of the app that append to X-Forwarded-For (see lib/auth/client-ip.ts). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    LOCKOUT_THRESHOLD: positiveWhole.default(5),
    LOCKOUT_MINUTES: positiveWhole.default(15),
    BULK_MAX_ITEMS: positiveWhole.default(5000),
    UPLOAD_MAX_BYTES: positiveWhole.default(20 * 1024 * 1024),
    /** Lines a CSV upload may have, blank ones too: a bound on one import's work and size. */
    UPLOAD_MAX_LINES: positiveWhole.default(500_000),
    LOG_FILE: z.string().default("logs/app.log"),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    /** "0" keeps log lines out of stdout (LOG_FILE only), e.g. when nothing collects stdout. */
    LOG_STDOUT: z
      .enum(["0", "1"])
      .default("1")
      .transform((value) => value === "1"),
    /**
     * "1": `npm start` answers the task routes itself, calling the handlers Next would call
     * (lib/cli/direct-api.mjs); "0": every request goes through Next's router.
     */
    DIRECT_API: z
      .enum(["0", "1"])
      .default("1")
      .transform((value) => value === "1"),
    /**
     * The company's time zone (IANA name, as Django's TIME_ZONE): the calendar day that decides
     * what is overdue, the weeks of the overview, and the clock times the dashboard shows.
     */
    TIME_ZONE: z
      .string()
      .default("UTC")
      .refine(isTimeZone, 'expected an IANA time zone name, for example "Europe/Paris" or "UTC"'),
    PORT: positiveWhole.default(3000),
    /** Processes serving the app: `npm start` forks this many (default: one per core) and tells them. */
    WEB_CONCURRENCY: positiveWhole.default(1),
  })
  .refine((env) => !env.JWT_SECRET || env.JWT_SECRET !== env.NEXTAUTH_SECRET, {
    message: "must differ from NEXTAUTH_SECRET: one leaked secret must not open both",
    path: ["JWT_SECRET"],
  })
  .refine((env) => !env.UPSTASH_REDIS_REST_URL === !env.UPSTASH_REDIS_REST_TOKEN, {
    message: "set both or neither (the REST URL and its token)",
    path: ["UPSTASH_REDIS_REST_TOKEN"],
  });

export type AppConfig = z.infer<typeof envSchema> & { NEXTAUTH_SECRET: string; JWT_SECRET: string };

function loadConfig(): AppConfig {
  // An empty variable (as `.env.example` leaves the secrets) means "not set".
  const present = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n  ${problems.join("\n  ")}`);
  }
  const env = parsed.data;
  const isProductionServer =
    env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build";
  const missing = (["NEXTAUTH_SECRET", "JWT_SECRET"] as const).filter((k) => !env[k]);
  if (isProductionServer && missing.length > 0) {
    throw new Error(`Missing required secret(s) in production: ${missing.join(", ")}`);
  }
  // The default is the developer's own database (root, no password): production names its own.
  if (isProductionServer && !present.DATABASE_URL) {
    throw new Error("Missing required setting in production: DATABASE_URL");
  }
  // Written in this file, so known to anyone: tokens and cookies signed with them can be forged.
  const published = (["NEXTAUTH_SECRET", "JWT_SECRET"] as const).filter(
    (k) => env[k] === DEV_SECRET || env[k] === DEV_JWT_SECRET,
  );
  if (isProductionServer && published.length > 0) {
    throw new Error(
      `${published.join(", ")}: the development fallback published in the source; set a random value (openssl rand -base64 48)`,
    );
  }
  return {
    ...env,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? DEV_SECRET,
    JWT_SECRET: env.JWT_SECRET ?? DEV_JWT_SECRET,
  };
}

let cached: AppConfig | undefined;

/** Read once, lazily, so that build steps and tests can set the environment first. */
export function config(): AppConfig {
  cached ??= loadConfig();
  return cached;
}

/** "600/60s" → { limit: 600, windowSeconds: 60 } */
export function parseRateLimit(spec: string): { limit: number; windowSeconds: number } {
  const [count, window] = spec.split("/");
  return { limit: Number(count), windowSeconds: Number.parseInt(window ?? "60", 10) };
}
