import { describe, expect, it } from "vitest";
import { paramValue, toQueryString } from "@/lib/pages/search-params";
import { queryValues } from "@/lib/validation/query-values";

describe("a page's parameters, read as the API reads them", () => {
  it("takes the last of a repeated parameter, the value the list was filtered by", () => {
    const params = { assigned_to: ["4", "7"], search: "report", page: "" };
    const api = queryValues(new URLSearchParams(toQueryString(params)));
    expect(paramValue(params, "assigned_to")).toBe("7");
    expect(paramValue(params, "assigned_to")).toBe(api.assigned_to);
    expect(paramValue(params, "search")).toBe("report");
    expect(paramValue(params, "page")).toBeUndefined();
    expect(paramValue(params, "missing")).toBeUndefined();
  });
});
