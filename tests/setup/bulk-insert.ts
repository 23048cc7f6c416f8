// Big test fixtures go in slices with a turn of the event loop between: SQLite writes synchronously, and
// one createMany of tens of thousands of rows would keep the test worker from answering vitest's RPC.
import { yieldToEventLoop } from "~/utils/event-loop";

export async function createManyInSlices<T>(createMany: (args: { data: T[] }) => Promise<unknown>, rows: readonly T[], size = 2000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await createMany({ data: rows.slice(i, i + size) });
    await yieldToEventLoop();
  }
}
