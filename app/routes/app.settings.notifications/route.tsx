// Settings → Notifications: email and Slack channels for alerts, with a test message.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Layout } from "@shopify/polaris";
import { requireAdmin } from "~/auth.server";
import { NotificationsCard, type NotificationActionResult } from "~/components/settings/NotificationsCard";
import { ChannelInputError, ChannelNotFoundError, getNotificationSettings, removeChannel, saveChannel, sendTestNotification } from "~/services/notifications/channels.server";
import { FORM } from "~/utils/form-errors";
import { channelForm, channelIdForm, fieldErrors } from "../app.settings/schema";
import { readSettingsPost } from "../app.settings/section.server";
import { useSettingsSection } from "../app.settings/use-section";

export const ACTION_INTENTS = ["save-channel", "delete-channel", "test-channel"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  return json({ notifications: await getNotificationSettings(shop) });
}

export async function action({ request }: ActionFunctionArgs) {
  const post = await readSettingsPost(request, ACTION_INTENTS);
  if (post instanceof Response) return post;
  const { admin, actor, intent, fields } = post;
  try {
    if (intent === "save-channel") {
      const parsed = channelForm.safeParse(fields, FORM);
      if (!parsed.success) return json<NotificationActionResult>({ intent, ok: false, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
      const { id, ...input } = parsed.data;
      const channelId = await saveChannel(admin.shop, actor.staffId, input, id);
      return json<NotificationActionResult>({ intent, ok: true, channelId, message: id ? "Channel saved." : "Channel added." });
    }
    const parsed = channelIdForm.safeParse(fields, FORM);
    if (!parsed.success) throw new Response("Missing channel id", { status: 400 });
    const channelId = parsed.data.id;
    if (intent === "delete-channel") {
      await removeChannel(admin.shop, actor.staffId, channelId);
      return json<NotificationActionResult>({ intent, ok: true, channelId, message: "Channel deleted." });
    }
    const outcome = await sendTestNotification(admin.shop, actor.staffId, channelId);
    return json<NotificationActionResult>(
      outcome.ok
        ? { intent, ok: true, channelId, message: "Test message sent. Check that it arrived." }
        : { intent, ok: false, channelId, message: `The test message was not delivered: ${outcome.error}` },
      { status: outcome.ok ? 200 : 502 },
    );
  } catch (error) {
    if (error instanceof ChannelInputError) return json<NotificationActionResult>({ intent, ok: false, fieldErrors: { [error.field]: error.message } }, { status: 400 });
    if (error instanceof ChannelNotFoundError) return json<NotificationActionResult>({ intent, ok: false, message: error.message }, { status: 404 });
    throw error;
  }
}

export default function NotificationSettingsSection() {
  const { data, result, pending, pendingValue, post } = useSettingsSection<typeof loader, NotificationActionResult>();
  return (
    <Layout>
      <Layout.AnnotatedSection
        id="notifications"
        title="Notifications"
        description="Email or Slack when a plan raises an alert at or above the severity you choose, with retries; optionally a daily digest. Failures show here."
      >
        <NotificationsCard
          notifications={data.notifications}
          pending={pending && pending.endsWith("-channel") ? { intent: pending, channelId: pendingValue("id") } : null}
          result={result}
          onSave={(values) => post("save-channel", values)}
          onDelete={(id) => post("delete-channel", { id })}
          onTest={(id) => post("test-channel", { id })}
        />
      </Layout.AnnotatedSection>
    </Layout>
  );
}
