type Env = Record<string, string | undefined>;

export function distDirOf(root: string, env?: Env): string;
export function sourceFingerprint(root: string, env?: Env): string | null;
export function buildStatus(
  root: string,
  env?: Env,
): { current: boolean; fingerprint: string | null };
export function recordBuild(root: string, fingerprintBefore: string | null, env?: Env): void;
export function buildUnlessCurrent(root: string, env?: Env): Promise<void>;
