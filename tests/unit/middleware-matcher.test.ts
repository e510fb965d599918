import { unstable_doesMiddlewareMatch as matches } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "@/middleware";

const runsOn = (url: string) => matches({ config, url });

describe("the paths the middleware runs on", () => {
  it("skips static assets, the favicon and the API, except the Swagger UI page and the schema", () => {
    for (const url of [
      "/_next/static/chunks/main.js",
      "/_next/image",
      "/favicon.ico",
      "/api/tasks/",
      "/api/docs/extra",
    ]) {
      expect(runsOn(url), url).toBe(false);
    }
    for (const url of ["/", "/login", "/tasks/12", "/api/docs", "/api/docs/", "/api/schema/"]) {
      expect(runsOn(url), url).toBe(true);
    }
  });

  it("runs on pages whose names only begin like an asset's, where a server action may be posted", () => {
    for (const url of ["/favicon.icon", "/faviconXico", "/favicon.ico/x", "/_next/static-page"]) {
      expect(runsOn(url), url).toBe(true);
    }
  });
});
