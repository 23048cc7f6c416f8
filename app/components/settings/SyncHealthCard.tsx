import type { SyncHealth } from "~/utils/sync-health";
import { Badge, Banner, BlockStack, Box, Button, Card, DataTable, InlineGrid, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { useShopTime } from "~/components/shop-time";
import { MinorHeading } from "~/components/CardTitle";

export type SyncHealthView = SyncHealth;

export interface BackfillView {
  status: "none" | "running" | "failed" | "completed";
  stage: string | null;
  objectsDone: number;
  objectsTotal: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  percent: number;
}

export type ReprocessActionResult = {
  intent: "reprocess";
  eventId: string;
  outcome: "processed" | "already-processed" | "failed" | "missing" | "skipped";
  error: string | null;
};
export type BackfillActionResult = { intent: "backfill"; ok: boolean; message: string };

interface Props {
  health: SyncHealthView;
  backfill: BackfillView;
  /** Demo mode: there is no Shopify store to backfill from. */
  demo: boolean;
  pendingEventId: string | null;
  backfillPending: boolean;
  reprocessResult: ReprocessActionResult | null;
  backfillResult: BackfillActionResult | null;
  onReprocess: (eventId: string) => void;
  onRunBackfill: () => void;
}


const STAGE_LABEL: Record<string, string> = {
  shop: "Shop details",
  locations: "Locations",
  catalog: "Products, variants and stock",
  orders: "Orders",
  done: "Done",
};

const BACKFILL_TONE = { none: undefined, running: "info", failed: "critical", completed: "success" } as const;
const JOB_TONE: Record<string, "info" | "success" | "critical" | "attention" | undefined> = {
  queued: "attention",
  running: "info",
  completed: "success",
  failed: "critical",
  cancelled: undefined,
};

function Count({ label, value, tone }: { label: string; value: number; tone?: "critical" | "success" | "caution" }) {
  return (
    <Box>
      <Text as="p" variant="bodySm" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingLg" tone={value > 0 ? tone : undefined}>
        {value.toLocaleString("en-US")}
      </Text>
    </Box>
  );
}

/** Webhooks (last N hours), failed events with Re-process, the job queue and the install backfill. */
export function SyncHealthCard(props: Props) {
  const time = useShopTime();
  const when = (iso: string | null) => (iso ? time(iso, "recent") : "—");
  const { health, backfill, demo } = props;
  const failedJobs = health.jobs.recent.filter((j) => j.lastError && j.status !== "completed").slice(0, 5);
  return (
    <BlockStack gap="400">
      {health.timeZoneWarning ? (
        <Banner tone="warning" title="Time zone">
          <p>{health.timeZoneWarning}</p>
        </Banner>
      ) : null}
      <Card>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center">
            <MinorHeading>Webhooks, last {health.windowHours} hours</MinorHeading>
            <Badge tone={health.status === "ok" ? "success" : "critical"}>{health.status === "ok" ? "Healthy" : "Needs attention"}</Badge>
          </InlineStack>
          <InlineGrid columns={4} gap="300">
            <Count label="Received" value={health.webhooks.total} />
            <Count label="Processed" value={health.webhooks.processed} tone="success" />
            <Count label="Waiting" value={health.webhooks.received} tone="caution" />
            <Count label="Failed" value={health.webhooks.failed} tone="critical" />
          </InlineGrid>
          {props.reprocessResult ? (
            <Banner
              tone={props.reprocessResult.outcome === "processed" || props.reprocessResult.outcome === "already-processed" ? "success" : "critical"}
              title={props.reprocessResult.outcome === "processed" ? "Event re-processed" : `Re-processing ended ${props.reprocessResult.outcome}`}
            >
              {props.reprocessResult.error ? <p>{props.reprocessResult.error}</p> : null}
            </Banner>
          ) : null}
          {health.webhooks.recentFailures.length === 0 ? (
            <Text as="p" tone="subdued">
              No failed webhook events.
            </Text>
          ) : (
            <BlockStack gap="200">
              <Text as="h4" variant="headingXs">
                Latest failures
              </Text>
              {health.webhooks.recentFailures.map((f) => (
                <Box key={f.id} padding="200" borderColor="border" borderWidth="025" borderRadius="200">
                  <InlineStack align="space-between" blockAlign="start" gap="200" wrap={false}>
                    <BlockStack gap="100">
                      <Text as="p" fontWeight="semibold">
                        {f.topic} · {when(f.receivedAt)} · {f.attempts} {f.attempts === 1 ? "attempt" : "attempts"}
                      </Text>
                      <Text as="p" tone="critical" breakWord>
                        {f.error ?? "Unknown error"}
                      </Text>
                    </BlockStack>
                    <Button onClick={() => props.onReprocess(f.id)} loading={props.pendingEventId === f.id} accessibilityLabel={`Re-process ${f.topic} event ${f.webhookId}`}>
                      Re-process
                    </Button>
                  </InlineStack>
                </Box>
              ))}
            </BlockStack>
          )}
        </BlockStack>
      </Card>

      <Card>
        <BlockStack gap="300">
          <MinorHeading>Job queue</MinorHeading>
          <InlineGrid columns={3} gap="300">
            <Count label="Queued" value={health.jobs.queued} />
            <Count label="Running" value={health.jobs.running} />
            <Count label="Failed" value={health.jobs.failed} tone="critical" />
          </InlineGrid>
          {failedJobs.length ? (
            <DataTable
              columnContentTypes={["text", "text", "text", "text"]}
              headings={["Job", "Status", "Attempts", "Last error"]}
              rows={failedJobs.map((j) => [j.name, <Badge key={j.id} tone={JOB_TONE[j.status]}>{j.status}</Badge>, `${j.attempts} of ${j.maxAttempts}`, j.lastError ?? ""])}
            />
          ) : (
            <Text as="p" tone="subdued">
              No job errors.
            </Text>
          )}
        </BlockStack>
      </Card>

      <Card>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center">
            <MinorHeading>History backfill</MinorHeading>
            <Badge tone={BACKFILL_TONE[backfill.status]}>{backfill.status === "none" ? "Not run" : backfill.status}</Badge>
          </InlineStack>
          {backfill.status === "none" ? (
            <Text as="p" tone="subdued">
              {demo ? "The demo shop was seeded locally; it has no Shopify history to read." : "The backfill has not run yet. It starts when the app is installed."}
            </Text>
          ) : (
            <BlockStack gap="200">
              <ProgressBar progress={backfill.percent} tone={backfill.status === "failed" ? "critical" : backfill.status === "completed" ? "success" : "highlight"} size="small" />
              <Text as="p">
                {backfill.percent}% · stage: {STAGE_LABEL[backfill.stage ?? ""] ?? backfill.stage}
                {backfill.objectsTotal > 0 ? ` · ${backfill.objectsDone.toLocaleString("en-US")} of ${backfill.objectsTotal.toLocaleString("en-US")} records` : ""}
              </Text>
              <Text as="p" tone="subdued" variant="bodySm">
                Started {when(backfill.startedAt)}
                {backfill.finishedAt ? ` · finished ${when(backfill.finishedAt)}` : ""}
              </Text>
              {backfill.error ? (
                <Text as="p" tone="critical" breakWord>
                  {backfill.error}
                </Text>
              ) : null}
            </BlockStack>
          )}
          {props.backfillResult ? <Banner tone={props.backfillResult.ok ? "info" : "critical"} title={props.backfillResult.message} /> : null}
          <InlineStack gap="200" blockAlign="center">
            <Button onClick={props.onRunBackfill} disabled={demo} loading={props.backfillPending}>
              Run backfill again
            </Button>
            {demo ? (
              <Text as="span" tone="subdued" variant="bodySm">
                Not available in demo mode: there is no Shopify store to read from.
              </Text>
            ) : backfill.status === "running" ? (
              <Text as="span" tone="subdued" variant="bodySm">
                A backfill is in progress; running it again resumes it.
              </Text>
            ) : null}
          </InlineStack>
        </BlockStack>
      </Card>
    </BlockStack>
  );
}
