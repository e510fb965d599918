import Link from "next/link";
import { ROLE_LABELS } from "@/components/admin/format";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { Actor } from "@/lib/auth/actor";
import { roleHome } from "@/lib/auth/role-home";
import { navItemsFor } from "./nav-items";
import { NavLinks } from "./nav-links";
import { SessionEndedNotice } from "./session-ended-notice";

/** The frame of every dashboard page: product name, role navigation, who is signed in, sign-out. */
export function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="relative border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-3">
          <Link href={roleHome(actor.role)} className="text-lg font-bold text-brand-700">
            ETUMS
          </Link>
          <NavLinks items={navItemsFor(actor.role)} />
          <div className="ml-auto flex items-center gap-3">
            <Link
              href="/account"
              className="rounded-md px-1 text-right text-sm leading-tight hover:bg-slate-100"
            >
              <span className="sr-only">Your account: </span>
              <span className="block max-w-40 truncate font-medium">{actor.fullName}</span>
              <span className="block text-xs text-slate-600">{ROLE_LABELS[actor.role]}</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <SessionEndedNotice />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
