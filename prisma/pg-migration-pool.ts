import pg from "pg";

// Prisma's JS schema engine reads catalog columns of type `name` (OID 19) and `name[]` (1003), which
// @prisma/adapter-pg 6.19 cannot deserialize ("Column type 'name' could not be deserialized").
// Reporting them as text (25) / text[] (1009) is harmless: their values already arrive as strings.
// Only migrations need this; the app's runtime pool is a plain one (app/db.server.ts).
const REMAP: Record<number, number> = { 19: 25, 1003: 1009 };

function remapFields(result: pg.QueryResult | pg.QueryResult[] | undefined): void {
  for (const r of Array.isArray(result) ? result : result ? [result] : []) {
    for (const f of r.fields ?? []) if (REMAP[f.dataTypeID]) f.dataTypeID = REMAP[f.dataTypeID];
  }
}

export function migrationPool(connectionString: string): pg.Pool {
  // allowExitOnIdle: the CLI would otherwise wait out the 10 s idle timeout before exiting.
  const pool = new pg.Pool({ connectionString, max: 4, allowExitOnIdle: true });
  pool.on("connect", (client) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      const last = args[args.length - 1];
      if (typeof last === "function") {
        const callback = last as (err: Error | null, res?: pg.QueryResult) => void;
        args[args.length - 1] = (err: Error | null, res?: pg.QueryResult) => {
          if (!err) remapFields(res);
          callback(err, res);
        };
        return original(...args);
      }
      const out = original(...args);
      if (out && typeof (out as Promise<pg.QueryResult>).then === "function") {
        return (out as Promise<pg.QueryResult>).then((res) => {
          remapFields(res);
          return res;
        });
      }
      return out;
    };
  });
  return pool;
}
