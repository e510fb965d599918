import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { describeSignInError } from "@/components/auth/sign-in-errors";
import { loginNoticeText } from "@/lib/auth/messages";
import { getOptionalActor } from "@/lib/auth/page-actor";
import { landingPath } from "@/lib/auth/role-home";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callback = safeCallbackPath(first(params.callbackUrl));
  const actor = await getOptionalActor();
  if (actor) redirect(landingPath(actor.role, callback));
  const notice = loginNoticeText(first(params.notice));

  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-100 px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-sm font-semibold tracking-widest text-brand-700 uppercase">ETUMS</p>
          <h1 className="mt-2 text-2xl font-semibold text-slate-900">Sign in to ETUMS</h1>
          <p className="mt-1 text-sm text-slate-600">Task and user management for your team</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <LoginForm
            callback={callback}
            notice={notice}
            initialError={describeSignInError(first(params.error))}
          />
        </div>
        <p className="mt-6 text-center text-xs text-slate-500">
          Integrators: see the API documentation at{" "}
          <Link href="/api/docs" className="font-medium text-brand-700 underline">
            /api/docs
          </Link>
          .
        </p>
      </div>
    </main>
  );
}
