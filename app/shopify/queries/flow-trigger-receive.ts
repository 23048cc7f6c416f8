import { operation, type UserError } from "./define";

export interface FlowTriggerReceiveVariables {
  /** The trigger extension's handle (extensions/stockcast-alert-raised/shopify.extension.toml). */
  handle: string;
  /** Keys are the trigger's field keys, exactly as declared in the toml. */
  payload: Record<string, string | number | boolean>;
}

export interface FlowTriggerReceiveData {
  flowTriggerReceive: { userErrors: UserError[] } | null;
}

/** Starts the merchant's Shopify Flow workflows that begin with one of our triggers. */
export const FLOW_TRIGGER_RECEIVE = operation<FlowTriggerReceiveData, FlowTriggerReceiveVariables>(`
mutation FlowTriggerReceive($handle: String!, $payload: JSON!) {
  flowTriggerReceive(handle: $handle, payload: $payload) {
    userErrors {
      field
      message
    }
  }
}`);
