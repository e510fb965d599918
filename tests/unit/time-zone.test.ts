import { describe, expect, it } from "vitest";
import { addDays, dayIn, isTimeZone, mondayOf, startOfDay } from "@/lib/dates/time-zone";

describe("the company's calendar", () => {
  it("reads the day an instant falls on in a zone, which may differ from UTC's", () => {
    const instant = new Date("2026-11-29T23:30:00Z");
    expect(dayIn("UTC", instant)).toBe("2026-11-29");
    expect(dayIn("Europe/Paris", instant)).toBe("2026-11-30");
    expect(dayIn("America/New_York", new Date("2026-11-30T03:00:00Z"))).toBe("2026-11-29");
    expect(dayIn("Pacific/Kiritimati", new Date("2026-12-31T10:00:00Z"))).toBe("2027-01-01");
  });

  it("finds the first instant of a day, on either side of a daylight-saving change", () => {
    expect(startOfDay("2026-11-30", "UTC").toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(startOfDay("2026-03-28", "Europe/Paris").toISOString()).toBe("2026-03-27T23:00:00.000Z");
    expect(startOfDay("2026-03-30", "Europe/Paris").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfDay("2026-07-01", "America/New_York").toISOString()).toBe(
      "2026-07-01T04:00:00.000Z",
    );
    expect(startOfDay("2026-12-01", "Asia/Kolkata").toISOString()).toBe("2026-11-30T18:30:00.000Z");
  });

  it("starts a day at its first existing instant where midnight is skipped", () => {
    // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September.
    const start = startOfDay("2026-09-06", "America/Santiago");
    expect(dayIn("America/Santiago", start)).toBe("2026-09-06");
    expect(dayIn("America/Santiago", new Date(start.getTime() - 1))).toBe("2026-09-05");
  });

  it("finds the same first instants whatever the server process's own time zone", () => {
    // Days on which a clock change falls at or near midnight in the zone.
    const cases: [string, string][] = [
      ["Atlantic/Azores", "2025-10-26"],
      ["America/Nuuk", "2025-03-30"],
      ["America/Scoresbysund", "2025-03-30"],
      ["America/Santiago", "2025-09-07"],
      ["America/Havana", "2025-03-09"],
      ["Africa/Cairo", "2025-04-25"],
      ["Europe/Paris", "2025-03-30"],
    ];
    const original = process.env.TZ;
    try {
      for (const processZone of ["UTC", "America/New_York", "Europe/Paris", "Asia/Kolkata"]) {
        process.env.TZ = processZone;
        for (const [zone, day] of cases) {
          const start = startOfDay(day, zone);
          expect(dayIn(zone, start), `${zone} ${day} in ${processZone}`).toBe(day);
          expect(dayIn(zone, new Date(start.getTime() - 1)), `${zone} ${day}`).toBe(
            addDays(day, -1),
          );
        }
      }
    } finally {
      process.env.TZ = original;
    }
  });

  it("writes years before 1000 with four digits, so days compare as text", () => {
    expect(dayIn("UTC", new Date("0999-12-31T12:00:00Z"))).toBe("0999-12-31");
    expect(startOfDay("1000-01-01", "UTC").toISOString()).toBe("1000-01-01T00:00:00.000Z");
  });

  it("moves calendar days across months and years, and finds a week's Monday", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(mondayOf("2026-11-29")).toBe("2026-11-23");
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
  });

  it("knows the zones this runtime knows", () => {
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Asia/Tokyo")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});
