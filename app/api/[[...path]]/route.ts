import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/http/api-route";

// Unknown /api paths answer JSON like every other API error, never Next's HTML 404 page.
const notFound = publicRoute(async () =>
  NextResponse.json({ detail: "Not found." }, { status: 404 }),
);

export {
  notFound as GET,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
};
