"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { NavItem } from "./nav-items";

function isCurrent(pathname: string, href: string, all: NavItem[]): boolean {
  if (pathname === href) return true;
  // "/tasks/12" belongs to Table, but "/tasks/new" belongs to its own link.
  const longerMatch = all.some(
    (item) => item.href !== href && item.href.startsWith(href) && pathname.startsWith(item.href),
  );
  return !longerMatch && href !== "/admin" && pathname.startsWith(`${href}/`);
}

/** Role navigation: a row of links on wide screens, a disclosure menu on narrow ones. */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);

  // Like any menu, it closes when a finger or the mouse goes anywhere else on the page.
  useEffect(() => {
    if (!open) return;
    const closeFromOutside = (event: PointerEvent) => {
      if (!nav.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeFromOutside);
    return () => document.removeEventListener("pointerdown", closeFromOutside);
  }, [open]);

  const links = items.map((item) => {
    const current = isCurrent(pathname, item.href, items);
    return (
      <li key={item.href}>
        <Link
          href={item.href}
          aria-current={current ? "page" : undefined}
          onClick={() => setOpen(false)}
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
    <nav
      ref={nav}
      aria-label="Main"
      className="md:flex-1"
      onBlur={(event) => {
        // Tabbing on past the last link closes it, rather than leaving it over the page.
        if (open && event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) {
          setOpen(false);
        }
      }}
      onKeyDown={(event) => {
        // Escape closes the open menu and hands focus back to the button that opened it.
        if (event.key !== "Escape" || !open) return;
        setOpen(false);
        menuButton.current?.focus();
      }}
    >
      <button
        ref={menuButton}
        type="button"
        className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium md:hidden"
        aria-expanded={open}
        aria-controls="main-nav-list"
        onClick={() => setOpen((value) => !value)}
      >
        Menu
      </button>
      <ul
        id="main-nav-list"
        className={`${open ? "flex" : "hidden"} absolute inset-x-0 top-full z-20 flex-col gap-1 border-b border-slate-200 bg-white p-3 shadow md:static md:flex md:flex-row md:flex-wrap md:border-0 md:p-0 md:shadow-none`}
      >
        {links}
      </ul>
    </nav>
  );
}
