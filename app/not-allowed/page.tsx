import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/auth/page-actor";
import { NOT_ALLOWED_FROM } from "@/lib/auth/path-rules";
import { paramValue, type PageSearchParams } from "@/lib/pages/search-params";
import type { Metadata } from "next";

/** The 403 page drawn in its place names the tab too. */
export const metadata: Metadata = { title: "Not allowed" };

/**
 * What middleware.ts shows in place of a page the session's role may not open. The role it read
 * is the cookie's: an ended session (deactivated, role changed) is sent to sign in again, to come
 * back to the page it asked for; a live one gets the 403 page.
 */
export default async function NotAllowed({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}): Promise<never> {
  await requireActor({ page: paramValue(await searchParams, NOT_ALLOWED_FROM) });
  forbidden();
}
