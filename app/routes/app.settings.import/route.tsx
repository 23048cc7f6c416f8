// Settings → Import history: a CSV of sales or stock history, stored and queued; the card shows its progress.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Layout } from "@shopify/polaris";
import { requireAdmin } from "~/auth.server";
import { ImportCard, type ImportActionResult } from "~/components/settings/ImportCard";
import { importActive, REFRESH_WHILE_IMPORTING_MS } from "~/components/settings/ImportStatus";
import { useSettingsSection } from "../app.settings/use-section";
import { useRevalidateWhile } from "~/components/use-revalidate-while";
import { getJobQueue } from "~/jobs/index.server";
import { enqueueImport } from "~/jobs/import.server";
import type { ImportRequest } from "~/services/csv-import/import.server";
import { queueImport } from "~/services/csv-import/queue-import.server";
import { getRecentImports } from "~/services/settings.server";
import { ActionBusyError, busyHeaders } from "~/services/single-flight.server";
import { FORM } from "~/utils/form-errors";
import type { QueuedImport } from "~/utils/import-result";
import { fieldErrors, importForm, MAX_IMPORT_ROWS, MAX_UPLOAD_MB } from "../app.settings/schema";
import { readSettingsPost } from "../app.settings/section.server";

export const ACTION_INTENTS = ["import"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  return json({ imports: await getRecentImports(shop), maxUploadMb: MAX_UPLOAD_MB, maxImportRows: MAX_IMPORT_ROWS });
}

export async function action({ request }: ActionFunctionArgs) {
  const post = await readSettingsPost(request, ACTION_INTENTS);
  if (post instanceof Response) return post;
  const { admin, actor } = post;
  const parsed = importForm.safeParse(post.fields, FORM);
  const file = post.form.get("file");
  const errors: Partial<Record<"kind" | "snapshotDate" | "file", string>> = parsed.success ? {} : fieldErrors(parsed.error);
  if (!(file instanceof Blob) || file.size === 0) errors.file = "Choose a CSV file to import.";
  if (!parsed.success || !(file instanceof Blob) || Object.keys(errors).length > 0) return json<ImportActionResult>({ intent: "import", ok: false, fieldErrors: errors }, { status: 400 });
  const fileName = ("name" in file && typeof file.name === "string" && file.name) || "upload.csv";
  const req: ImportRequest =
    parsed.data.kind === "shopify-inventory" ? { kind: parsed.data.kind, fileName, snapshotDate: parsed.data.snapshotDate! } : { kind: parsed.data.kind, fileName };
  // The file is stored and queued; the import job reads and writes it. The card shows its progress.
  let result: QueuedImport;
  try {
    result = await queueImport(admin.shop, req, new Uint8Array(await file.arrayBuffer()), {
      actor: actor.staffId,
      enqueue: (batchId) => enqueueImport(getJobQueue(), admin.shop, batchId),
    });
  } catch (error) {
    if (!(error instanceof ActionBusyError)) throw error;
    return json<ImportActionResult>({ intent: "import", ok: false, fieldErrors: { form: error.message, file: error.message } }, { status: 429, headers: busyHeaders(error) });
  }
  return json<ImportActionResult>({ intent: "import", ok: true, fileName, result }, { status: result.status === "queued" ? 202 : 200 });
}

export default function ImportSettingsSection() {
  const { data, result, pending, submit } = useSettingsSection<typeof loader, ImportActionResult>();
  // A queued or running import: re-read until it has ended, so its progress and outcome appear.
  useRevalidateWhile(importActive(data.imports[0]), REFRESH_WHILE_IMPORTING_MS);
  return (
    <Layout>
      <Layout.AnnotatedSection
        id="import"
        title="Import history"
        description="Add sales or stock history Shopify no longer has (orders older than 60 days without the read_all_orders scope)."
      >
        <ImportCard
          maxUploadMb={data.maxUploadMb}
          maxRows={data.maxImportRows}
          recent={data.imports}
          importing={pending === "import"}
          result={result?.intent === "import" ? result : null}
          onImport={({ kind, snapshotDate, file }) => {
            const form = new FormData();
            form.set("intent", "import");
            form.set("kind", kind);
            if (snapshotDate) form.set("snapshotDate", snapshotDate);
            form.set("file", file, file.name);
            submit(form, { method: "post", encType: "multipart/form-data" });
          }}
        />
      </Layout.AnnotatedSection>
    </Layout>
  );
}
