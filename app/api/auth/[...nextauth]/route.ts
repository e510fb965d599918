import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/next-auth-options";

type Segment = { params: Promise<{ nextauth: string[] }> };

// next-auth's own endpoints (csrf, session, callback/credentials, signout) for the browser.
function handler(request: NextRequest, segment: Segment): Promise<Response> {
  return NextAuth(request, segment, authOptions());
}

export { handler as GET, handler as POST };
