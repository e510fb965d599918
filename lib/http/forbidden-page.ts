import { NextResponse } from "next/server";

const STYLE = [
  "body{margin:0;font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a}",
  "main{max-width:28rem;margin:0 auto;min-height:100vh;display:flex;flex-direction:column;",
  "justify-content:center;align-items:center;gap:1rem;padding:1.5rem;text-align:center}",
  "p.code{color:#be123c;font-weight:600;letter-spacing:.1em;font-size:.875rem}",
  "a{background:#1f56c9;color:#fff;padding:.5rem 1rem;border-radius:.375rem;text-decoration:none}",
  "a:focus-visible{outline:2px solid #1f56c9;outline-offset:2px}",
].join("");

/** The 403 page middleware answers when a role may never open a path (edge: no React render). */
export function forbiddenPage(): NextResponse {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not allowed · ETUMS</title><style>${STYLE}</style></head>
<body><main><p class="code">403</p><h1>You do not have access to this page</h1>
<p>Your role does not allow it. Ask an administrator if you need access.</p>
<a href="/">Go to my home page</a></main></body></html>`;
  return new NextResponse(html, {
    status: 403,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
