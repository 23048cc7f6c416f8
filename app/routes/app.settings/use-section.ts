// What every Settings section page reads: its loader data, the last action's result, the intent being posted
// (and a field of that post), and a way to post an intent with its form values.
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";

export function useSettingsSection<Loader, Result>() {
  const data = useLoaderData<Loader>();
  const result = (useActionData() as Result | undefined) ?? null;
  const navigation = useNavigation();
  const submit = useSubmit();
  const posted = navigation.state !== "idle" ? navigation.formData : undefined;
  /** A field of the form being posted, or null when nothing is. */
  const pendingValue = (name: string) => (posted?.get(name) as string | null | undefined) ?? null;
  return {
    data,
    result,
    submit,
    pendingValue,
    /** The intent being posted, or null. */
    pending: pendingValue("intent"),
    post: <V extends Partial<Record<keyof V, string>>>(intent: string, values?: V) => submit({ intent, ...values }, { method: "post" }),
  };
}
