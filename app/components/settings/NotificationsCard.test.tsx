// The Notifications and Staff roles cards render what the Settings loader and action return (server-side
// render, no browser): empty states, masked targets, last delivery and last error, action results.
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { NotificationSettingsDto } from "~/utils/notification-settings";
import { ShopTimeZone } from "~/components/shop-time";
import { NotificationsCard } from "./NotificationsCard";
import { StaffRolesCard } from "./StaffRolesCard";

const html = (node: ReactNode) => renderToString(<AppProvider i18n={en}>{node}</AppProvider>).replace(/<!-- -->/g, "");
const noop = () => {};

const EMPTY: NotificationSettingsDto = { channels: [], recent: [], smtpServer: null, maxChannels: 10 };
const WITH_CHANNELS: NotificationSettingsDto = {
  smtpServer: "smtp://mailer:••••@smtp.example.com:587",
  maxChannels: 2,
  channels: [
    {
      id: "c1",
      kind: "slack",
      label: "#ops",
      target: "https://hooks.slack.com/services/T0…/B0…/••••",
      minSeverity: "warning",
      dailyDigest: true,
      enabled: true,
      lastError: "Not delivered after 5 attempts: Slack answered 500: internal_error",
      lastDeliveredAt: null,
      lastDigestDate: null,
      failedDeliveries: 1,
      pendingDeliveries: 0,
    },
    {
      id: "c2",
      kind: "email",
      label: null,
      target: "buyer@example.com",
      minSeverity: "critical",
      dailyDigest: false,
      enabled: false,
      lastError: null,
      lastDeliveredAt: "2026-11-22T10:00:00.000Z",
      lastDigestDate: null,
      failedDeliveries: 0,
      pendingDeliveries: 2,
    },
  ],
  recent: [{ id: "d1", channelId: "c1", channelName: "#ops", kind: "alert", status: "failed", attempts: 5, error: "Slack answered 500: internal_error", createdAt: "2026-11-22T10:00:00.000Z", deliveredAt: null }],
};

describe("Settings → Notifications card", () => {
  it("explains what channels are for when there are none, and that email needs SMTP", () => {
    const out = html(<NotificationsCard notifications={EMPTY} pending={null} result={null} onSave={noop} onDelete={noop} onTest={noop} />);
    expect(out).toContain("No channels yet");
    expect(out).toContain("Email channels need an SMTP server: set SMTP_URL");
    expect(out).toContain("Add channel");
  });

  it("lists channels with masked targets, severity, digest, pause state, last delivery and last error", () => {
    const out = html(<NotificationsCard notifications={WITH_CHANNELS} pending={null} result={null} onSave={noop} onDelete={noop} onTest={noop} />);
    expect(out).toContain("https://hooks.slack.com/services/T0…/B0…/••••");
    expect(out).toContain("Warning and up · daily digest · last delivered never");
    expect(out).toContain("Last error: Not delivered after 5 attempts: Slack answered 500: internal_error");
    expect(out).toContain("Critical only · last delivered Nov 22, 10:00 AM UTC · 2 waiting");
    // Inside the app the times are the shop's: the layout provides Shop.ianaTimezone.
    const inShopZone = html(
      <ShopTimeZone.Provider value="America/Vancouver">
        <NotificationsCard notifications={WITH_CHANNELS} pending={null} result={null} onSave={noop} onDelete={noop} onTest={noop} />
      </ShopTimeZone.Provider>,
    );
    expect(inShopZone).toContain("Critical only · last delivered Nov 22, 2:00 AM PST · 2 waiting");
    expect(inShopZone).toContain("alert to #ops · Nov 22, 2:00 AM PST");
    expect(out).toContain("Paused");
    expect(out.match(/Send test/g)).toHaveLength(2);
    expect(out).toContain("alert to #ops");
    // At the channel limit the add button is disabled.
    expect(out).toMatch(/<button[^>]*disabled[^>]*>(?:(?!<\/button>).)*Add channel/);
    expect(out).not.toContain("Email channels need an SMTP server");
  });

  it("shows the outcome of Send test", () => {
    const ok = html(<NotificationsCard notifications={WITH_CHANNELS} pending={null} result={{ intent: "test-channel", ok: true, channelId: "c1", message: "Test message sent. Check that it arrived." }} onSave={noop} onDelete={noop} onTest={noop} />);
    expect(ok).toContain("Test message sent. Check that it arrived.");
    const failed = html(
      <NotificationsCard notifications={WITH_CHANNELS} pending={null} result={{ intent: "test-channel", ok: false, channelId: "c1", message: "The test message was not delivered: Slack answered 404" }} onSave={noop} onDelete={noop} onTest={noop} />,
    );
    expect(failed).toContain("The test message was not delivered: Slack answered 404");
  });
});

describe("Settings → Staff roles card", () => {
  it("explains the defaults when nobody has a role", () => {
    const out = html(<StaffRolesCard staff={[]} pending={null} result={null} onSave={noop} onDelete={noop} />);
    expect(out).toContain("No staff roles yet");
    expect(out).toContain("nobody approves them");
    expect(out).toContain("account owner can add the first roles");
  });

  it("lists staff with role and approval badges", () => {
    const out = html(
      <StaffRolesCard
        staff={[
          { id: "s1", staffId: "101", name: "Olive Owner", email: "olive@example.com", role: "owner", approvesPurchaseOrders: true, updatedAt: "2026-11-22T10:00:00.000Z" },
          { id: "s2", staffId: "303", name: "Casey Park", email: null, role: "viewer", approvesPurchaseOrders: false, updatedAt: "2026-11-22T10:00:00.000Z" },
        ]}
        pending={null}
        result={{ intent: "delete-staff", ok: false, fieldErrors: { form: "Keep at least one owner: make someone else an owner before removing this one." } }}
        onSave={noop}
        onDelete={noop}
      />,
    );
    expect(out).toContain("Olive Owner");
    expect(out).toContain("Staff ID 101 · olive@example.com");
    expect(out.match(/Approves POs/g)).toHaveLength(1);
    expect(out).toContain("Viewer");
    expect(out).toContain("Keep at least one owner: make someone else an owner before removing this one.");
  });
});
