"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useDismissableDisclosure } from "@/lib/client/use-dismissable-disclosure";
import type { NavItem } from "./nav-items";

function isCurrent(pathname: string, href: string, all: NavItem[]): boolean {
  if (pathname === href) return true;
  // "/tasks/12" belongs to Table, but "/tasks/new" belongs to its own link.
  const longerMatch = all.some(
    (item) => item.href !== href && item.href.startsWith(href) && pathname.startsWith(item.href),
  );
  return !longerMatch && href !== "/admin" && pathname.startsWith(`${href}/`);
}

/**
 * Role navigation: a row of links on wide screens, a disclosure menu on narrow ones: a native
 * `<details>`, so that it opens before the page's script has run (on a slow connection).
 */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const menu = useDismissableDisclosure();

  const links = items.map((item) => {
    const current = isCurrent(pathname, item.href, items);
    return (
      <li key={item.href}>
        <Link
          href={item.href}
          aria-current={current ? "page" : undefined}
          onClick={menu.close}
          className={`block rounded-md px-3 py-2 text-sm font-medium ${
            current ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"
          }`}
        >
          {item.label}
        </Link>
      </li>
    );
  });
  return (
    <nav aria-label="Main" className="md:flex-1">
      {/* The browser may open it before React takes over: `open` is then not React's to warn
          about. Wide screens show the links in a row in browsers that can style
          `::details-content` (2025 on); older ones keep the Menu there too. */}
      <details
        {...menu.props}
        suppressHydrationWarning
        className="md:details-content:block md:details-content:[content-visibility:visible]"
      >
        <summary className="inline-block cursor-pointer list-none rounded-md border border-slate-300 px-3 py-2 text-sm font-medium supports-[selector(::details-content)]:md:hidden [&::-webkit-details-marker]:hidden">
          Menu
        </summary>
        <ul className="absolute inset-x-0 top-full z-20 flex flex-col gap-1 border-b border-slate-200 bg-white p-3 shadow md:static md:flex-row md:flex-wrap md:border-0 md:p-0 md:shadow-none">
          {links}
        </ul>
      </details>
    </nav>
  );
}
