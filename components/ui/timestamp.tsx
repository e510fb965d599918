"use client";

import { createContext, useContext } from "react";

const TimeZoneContext = createContext("UTC");

/** Gives every Timestamp below it the company's time zone (TIME_ZONE), on the server and in the browser alike. */
export function TimeZoneProvider({
  timeZone,
  children,
}: {
  timeZone: string;
  children: React.ReactNode;
}) {
  return <TimeZoneContext value={timeZone}>{children}</TimeZoneContext>;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string, precision: "minute" | "day"): Intl.DateTimeFormat {
  const key = `${timeZone} ${precision}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = {
      day: "numeric",
      month: "short",
      year: "numeric",
      ...(precision === "minute"
        ? { hour: "2-digit", minute: "2-digit", timeZoneName: "short" }
        : {}),
    };
    try {
      format = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
    } catch {
      // A browser older than the server may not know a newer zone: UTC (named where a time is
      // shown) beats a component that throws.
      format = new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" });
    }
    formats.set(key, format);
  }
  return format;
}

/**
 * An instant as people read it on the company's clock, e.g. "3 Dec 2026, 14:05 CET", or its day
 * alone. The zone's name is shown with the time, so nobody mistakes it for their own clock.
 */
export function Timestamp({
  iso,
  precision = "minute",
}: {
  iso: string;
  precision?: "minute" | "day";
}) {
  const timeZone = useContext(TimeZoneContext);
  // The server's text stands on hydration: a browser with older zone rules or another build of
  // Intl may format the same instant differently, which is no reason to re-render the page.
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {formatIn(timeZone, precision).format(new Date(iso))}
    </time>
  );
}
