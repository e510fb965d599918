export type DemoSecrets = { NEXTAUTH_SECRET: string; JWT_SECRET: string };

export function demoEnvironment(
  env: Record<string, string | undefined>,
  secrets: DemoSecrets,
): { env: Record<string, string | undefined>; notice: string | null };
