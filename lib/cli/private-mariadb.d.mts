export function answers(host: string, portNumber: number): Promise<boolean>;
export function startPrivateMariaDb(
  dir: string,
  portNumber: number,
): Promise<"started" | "not-installed" | "failed">;
