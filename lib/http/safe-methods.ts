/** The methods that only read (RFC 9110's safe methods the app serves). */
export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);
