import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/api-route";
import { getMe } from "@/lib/services/users";

/** The caller's own profile, whatever their role. */
export const GET = authedRoute(async ({ actor }) => NextResponse.json(await getMe(actor)));
