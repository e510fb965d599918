export const STATIC_SECURITY_HEADERS: { key: string; value: string }[];
export const API_CONTENT_SECURITY_POLICY: string;
export const HTTPS_FORWARDED_PROTO: string;
