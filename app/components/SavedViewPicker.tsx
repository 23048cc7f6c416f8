import { useEffect, useState } from "react";
import { useFetcher, useSearchParams } from "@remix-run/react";
import { ActionList, Badge, Banner, BlockStack, Button, InlineStack, Modal, Popover, Select, Text, TextField } from "@shopify/polaris";
import { activeView, applyView, MAX_VIEW_NAME, VIEW_PARAM, type SavedViewActionData, type SavedViewDto, type SavedViewScreen } from "~/utils/saved-views";

export interface SavedViewPickerProps {
  screen: SavedViewScreen;
  views: SavedViewDto[];
  /** False for viewers: they may apply views but not save, update, rename or delete them. */
  canChange: boolean;
  /** The default view: no filters, default sort. */
  defaultLabel: string;
}

type Dialog = { kind: "save" } | { kind: "rename"; view: SavedViewDto } | { kind: "overwrite"; view: SavedViewDto } | { kind: "delete"; view: SavedViewDto } | null;

/**
 * The saved views of a list screen: pick one to apply its filters and sort (a navigation, so the URL stays
 * the source of truth), see which is shown and whether its filters were changed since, and — staff who may
 * change things — save the current filters as a view, update, rename or delete the one shown. Changes are
 * posted with a fetcher to /app/saved-views: a refusal keeps the screen's filters and says why.
 */
export function SavedViewPicker({ screen, views, canChange, defaultLabel }: SavedViewPickerProps) {
  const [params, setParams] = useSearchParams();
  const { view: shown, modified } = activeView(screen, views, params);
  const fetcher = useFetcher<SavedViewActionData>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [name, setName] = useState("");
  const [menuOpen, setMenuOpen] = useState(false);
  // The dialog whose request is in flight: its answer closes it (or shows the refusal in it).
  const [sent, setSent] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = fetcher.state !== "idle";

  const apply = (view: SavedViewDto | null) => setParams(new URLSearchParams(applyView(screen, params, view)));
  // "" is All lines; an id no longer listed (deleted meanwhile) changes nothing rather than clearing the filters.
  const choose = (id: string) => {
    const view = views.find((v) => v.id === id);
    if (id === "" || view) apply(view ?? null);
  };

  useEffect(() => {
    if (busy || sent === null || !fetcher.data) return;
    const answer = fetcher.data;
    setSent(null);
    if (answer.error !== null) return setError(answer.error);
    setDialog(null);
    if (sent.kind === "save") apply(answer.view); // the new view becomes the one shown
    if (sent.kind === "delete" && params.get(VIEW_PARAM) === answer.view.id) {
      // The filters stay on screen; only the name of the view they came from goes.
      const next = new URLSearchParams(params);
      next.delete(VIEW_PARAM);
      setParams(next);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per answer
  }, [busy, fetcher.data]);

  const post = (fields: Record<string, string>) => {
    setSent(dialog);
    // The current URL search: the server keeps only the screen's filters and sort (no page, no view).
    fetcher.submit({ screen, query: params.toString(), ...fields }, { method: "post", action: "/app/saved-views" });
  };
  const open = (next: Dialog) => {
    setMenuOpen(false);
    setName(next?.kind === "rename" ? next.view.name : "");
    setDialog(next);
    setError(null);
  };

  const options = [{ label: defaultLabel, value: "" }, ...views.map((v) => ({ label: v.name, value: v.id }))];
  const nameField = (
    <TextField label="Name" value={name} onChange={setName} maxLength={MAX_VIEW_NAME} showCharacterCount autoComplete="off" autoFocus error={error ?? undefined} />
  );
  const modal =
    dialog === null ? null : dialog.kind === "save" ? (
      <Modal open onClose={() => open(null)} title="Save view" primaryAction={{ content: "Save view", loading: busy, onAction: () => post({ intent: "save_view", name }) }} secondaryActions={[{ content: "Cancel", onAction: () => open(null) }]}>
        <Modal.Section>
          <BlockStack gap="300">
            <Text as="p">Saves the current filters and sort under a name. Everyone on the shop&apos;s staff can pick it.</Text>
            {nameField}
          </BlockStack>
        </Modal.Section>
      </Modal>
    ) : dialog.kind === "rename" ? (
      <Modal open onClose={() => open(null)} title={`Rename “${dialog.view.name}”`} primaryAction={{ content: "Rename", loading: busy, onAction: () => post({ intent: "rename_view", id: dialog.view.id, name }) }} secondaryActions={[{ content: "Cancel", onAction: () => open(null) }]}>
        <Modal.Section>{nameField}</Modal.Section>
      </Modal>
    ) : (
      <Modal
        open
        onClose={() => open(null)}
        title={dialog.kind === "delete" ? `Delete “${dialog.view.name}”?` : `Update “${dialog.view.name}”?`}
        primaryAction={
          dialog.kind === "delete"
            ? { content: "Delete view", destructive: true, loading: busy, onAction: () => post({ intent: "delete_view", id: dialog.view.id }) }
            : { content: "Update view", loading: busy, onAction: () => post({ intent: "overwrite_view", id: dialog.view.id }) }
        }
        secondaryActions={[{ content: "Keep it", onAction: () => open(null) }]}
      >
        <Modal.Section>
          <BlockStack gap="300">
            <Text as="p">
              {dialog.kind === "delete"
                ? "The view is removed for everyone on the shop's staff. The filters on your screen stay as they are."
                : "The view will show the filters and sort on your screen now, for everyone on the shop's staff."}
            </Text>
            {error && <Banner tone="critical">{error}</Banner>}
          </BlockStack>
        </Modal.Section>
      </Modal>
    );

  const menu = shown && [
    ...(modified ? [{ content: "Update with these filters", onAction: () => open({ kind: "overwrite", view: shown }) }] : []),
    { content: "Rename", onAction: () => open({ kind: "rename", view: shown }) },
    { content: "Delete", destructive: true, onAction: () => open({ kind: "delete", view: shown }) },
  ];

  return (
    <div data-testid="saved-views">
      <InlineStack gap="200" blockAlign="center" wrap>
        {/* A 60-character name must not push the phone's screen sideways: the select shrinks and cuts it short. */}
        <div style={{ maxWidth: "100%", minWidth: 0 }}>
          <Select label="View" labelInline options={options} value={shown?.id ?? ""} onChange={choose} />
        </div>
        {modified && <Badge tone="attention">Modified</Badge>}
        {canChange && (
          <Button onClick={() => open({ kind: "save" })} disabled={busy}>
            Save view
          </Button>
        )}
        {canChange && menu && (
          <Popover
            active={menuOpen}
            onClose={() => setMenuOpen(false)}
            activator={
              <Button disclosure onClick={() => setMenuOpen((o) => !o)} accessibilityLabel={`Change the view “${shown.name}”`}>
                Edit view
              </Button>
            }
          >
            <ActionList actionRole="menuitem" items={menu} />
          </Popover>
        )}
      </InlineStack>
      {modal}
    </div>
  );
}
