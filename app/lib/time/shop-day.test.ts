import { describe, expect, it } from "vitest";
import { addDays, daysBetween, effectiveTimeZone, isKnownTimeZone, localDate, localHour, startOfLocalDay, timeZoneWarning } from "./shop-day";

describe("isKnownTimeZone / effectiveTimeZone", () => {
  it("knows IANA zones and UTC", () => {
    for (const zone of ["UTC", "America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe", "Etc/GMT+5"]) {
      expect(isKnownTimeZone(zone)).toBe(true);
      expect(effectiveTimeZone(zone)).toBe(zone);
    }
  });

  it("counts an unknown or empty zone as UTC", () => {
    for (const zone of ["Mars/Olympus_Mons", "", " ", "America/Los Angeles", "PST8PDT/extra"]) {
      expect(isKnownTimeZone(zone)).toBe(false);
      expect(effectiveTimeZone(zone)).toBe("UTC");
    }
  });
});

describe("localDate", () => {
  it("books 23:30 in Los Angeles on that evening's date, not the UTC date", () => {
    const instant = new Date("2026-11-20T23:30:00-08:00"); // 2026-11-21T07:30Z
    expect(localDate(instant, "America/Los_Angeles")).toBe("2026-11-20");
    expect(localDate(instant, "UTC")).toBe("2026-11-21");
    expect(localDate(instant, "Asia/Tokyo")).toBe("2026-11-21"); // 16:30 JST
  });

  it("turns the day at local midnight in half-hour and 45-minute zones", () => {
    expect(localDate(new Date("2026-11-20T18:29:00Z"), "Asia/Kolkata")).toBe("2026-11-20"); // 23:59 IST (UTC+5:30)
    expect(localDate(new Date("2026-11-20T18:30:00Z"), "Asia/Kolkata")).toBe("2026-11-21"); // 00:00 IST
    expect(localDate(new Date("2026-11-20T18:14:00Z"), "Asia/Kathmandu")).toBe("2026-11-20"); // 23:59 NPT (UTC+5:45)
    expect(localDate(new Date("2026-11-20T18:15:00Z"), "Asia/Kathmandu")).toBe("2026-11-21");
  });

  it("follows daylight saving: New York springs forward on 2026-03-08 and falls back on 2026-11-01", () => {
    expect(localDate(new Date("2026-03-08T04:59:00Z"), "America/New_York")).toBe("2026-03-07"); // 23:59 EST
    expect(localDate(new Date("2026-03-08T05:00:00Z"), "America/New_York")).toBe("2026-03-08"); // 00:00 EST
    expect(localDate(new Date("2026-03-09T03:59:00Z"), "America/New_York")).toBe("2026-03-08"); // 23:59 EDT
    expect(localDate(new Date("2026-03-09T04:00:00Z"), "America/New_York")).toBe("2026-03-09"); // 00:00 EDT
    expect(localDate(new Date("2026-11-02T04:59:00Z"), "America/New_York")).toBe("2026-11-01"); // 23:59 EST
    expect(localDate(new Date("2026-11-02T05:00:00Z"), "America/New_York")).toBe("2026-11-02");
  });

  it("counts an unknown zone as UTC instead of failing", () => {
    expect(localDate(new Date("2026-11-20T23:30:00Z"), "Mars/Olympus_Mons")).toBe("2026-11-20");
    expect(localDate(new Date("2026-11-21T00:30:00Z"), "Mars/Olympus_Mons")).toBe("2026-11-21");
  });
});

describe("localHour", () => {
  it("reads the wall-clock hour across New York's daylight-saving changes", () => {
    expect(localHour(new Date("2026-03-08T06:59:00Z"), "America/New_York")).toBe(1); // 01:59 EST
    expect(localHour(new Date("2026-03-08T07:00:00Z"), "America/New_York")).toBe(3); // 02:00 is skipped: 03:00 EDT
    expect(localHour(new Date("2026-11-01T05:30:00Z"), "America/New_York")).toBe(1); // 01:30 EDT
    expect(localHour(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toBe(1); // 01:30 EST, the hour again
    expect(localHour(new Date("2026-11-01T04:00:00Z"), "America/New_York")).toBe(0); // midnight is 0, never 24
  });

  it("counts an unknown zone as UTC", () => {
    expect(localHour(new Date("2026-07-01T09:15:00Z"), "Mars/Olympus_Mons")).toBe(9);
  });
});

describe("startOfLocalDay", () => {
  it("is local midnight, on either side of a daylight-saving change", () => {
    expect(startOfLocalDay("2026-11-25", "America/New_York").toISOString()).toBe("2026-11-25T05:00:00.000Z");
    expect(startOfLocalDay("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z"); // EST until 02:00
    expect(startOfLocalDay("2026-03-09", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(startOfLocalDay("2026-11-01", "America/New_York").toISOString()).toBe("2026-11-01T04:00:00.000Z"); // EDT until 02:00
    expect(startOfLocalDay("2026-11-02", "America/New_York").toISOString()).toBe("2026-11-02T05:00:00.000Z");
    expect(startOfLocalDay("2026-07-01", "Asia/Kolkata").toISOString()).toBe("2026-06-30T18:30:00.000Z");
  });

  it("begins when the clocks jump where daylight saving skips midnight, and after the repeated hour where it repeats it", () => {
    // São Paulo, 2018-11-04: 00:00 −03 became 01:00 −02, so the day began at 03:00Z.
    expect(startOfLocalDay("2018-11-04", "America/Sao_Paulo").toISOString()).toBe("2018-11-04T03:00:00.000Z");
    // São Paulo, 2019-02-17: 00:00 −02 became 23:00 −03 on the 16th; the 17th began at 00:00 −03.
    expect(startOfLocalDay("2019-02-17", "America/Sao_Paulo").toISOString()).toBe("2019-02-17T03:00:00.000Z");
  });

  it("is the first instant of its own local date", () => {
    for (const [date, zone] of [["2026-03-08", "America/New_York"], ["2018-11-04", "America/Sao_Paulo"], ["2026-10-04", "Australia/Sydney"]] as const) {
      const start = startOfLocalDay(date, zone);
      expect(localDate(start, zone)).toBe(date);
      expect(localDate(new Date(start.getTime() - 1), zone)).toBe(addDays(date, -1));
    }
  });

  it("counts an unknown zone as UTC", () => {
    expect(startOfLocalDay("2026-11-25", "Mars/Olympus_Mons").toISOString()).toBe("2026-11-25T00:00:00.000Z");
  });
});

describe("addDays / daysBetween", () => {
  it("steps over month, year and leap-day boundaries", () => {
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addDays("2028-02-27", 2)).toBe("2028-02-29");
    expect(addDays("2027-01-02", -3)).toBe("2026-12-30");
    expect(daysBetween("2026-12-30", "2027-01-02")).toBe(3);
    expect(daysBetween("2027-01-02", "2026-12-30")).toBe(-3);
    expect(daysBetween("2028-02-01", "2028-03-01")).toBe(29);
  });
});

describe("timeZoneWarning", () => {
  it("says nothing for a known zone", () => {
    expect(timeZoneWarning("America/Chicago", null)).toBeNull();
    expect(timeZoneWarning("UTC", null)).toBeNull();
  });

  it("names a refused zone and the zone the days still count in", () => {
    expect(timeZoneWarning("America/Chicago", "Mars/Olympus_Mons")).toBe(
      'Shopify reported the time zone "Mars/Olympus_Mons", which this server does not know, so it was not saved. Local days are still counted in America/Chicago.',
    );
    expect(timeZoneWarning("UTC", "Mars/Olympus_Mons")).toContain("still counted in UTC.");
  });

  it("names a stored zone the runtime does not know, whose days count in UTC", () => {
    expect(timeZoneWarning("Mars/Olympus_Mons", null)).toBe('The shop\'s time zone "Mars/Olympus_Mons" is unknown to this server, so local days are counted in UTC.');
  });
});
