export const STATIC_SECURITY_HEADERS: { key: string; value: string }[];
export const API_CONTENT_SECURITY_POLICY: string;
export const HTTPS_FORWARDED_PROTO: string;
export const HSTS_HEADER: { key: string; value: string };
export const HTTPS_PROXY: RegExp;
export const API_ANSWER_HEADERS: Record<string, string>;
